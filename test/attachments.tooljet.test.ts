// R-DAY-8 from ToolJet: the FilePicker's file[0] ({ name, type, base64Data, … } — useFilePicker.js in
// frontend/src/AppBuilder/Widgets/FilePicker/hooks) bound into attachments.add, through dist/index.js under
// each of ToolJet's loader forms (the bare vm sandbox of form 2 included: the type check needs no TextDecoder).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleDatabase, toolJetPlugin } from '../harness/bundle.js';
import { loaderForms } from '../harness/tooljet-loader.js';

const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const legacyFile = (name: string, bytes: Buffer, type: string) => ({
  name,
  type,
  content: bytes.toString('latin1'),
  dataURL: bytes.toString('base64'),
  base64Data: bytes.toString('base64'),
  parsedData: null,
});

let db: Awaited<ReturnType<typeof bundleDatabase>>;
let ticketId: number;
const run = (form: 1 | 2 | 3, options: Record<string, unknown>, user = 'tj-agent') => toolJetPlugin({ form }).run(db.options, options, 'ds-att', 't1', { user: { id: user } });

beforeAll(async () => {
  db = await bundleDatabase();
  await run(3, { operation: 'staff.upsert', name: '管理员', tooljetUserId: 'tj-admin', roles: '["admin"]' }, 'tj-admin');
  await run(3, { operation: 'staff.upsert', name: '张丽', tooljetUserId: 'tj-agent', roles: '["agent"]' }, 'tj-admin');
  ticketId = (await run(3, { operation: 'tickets.open', kind: 'repair', channel: 'phone', matter: '漏水', unit: '12F-1203' })).data.id;
});
afterAll(async () => db?.stop());

describe('photos from ToolJet’s FilePicker through the bundle (R-DAY-8)', () => {
  for (const form of loaderForms) {
    it(`R-DAY-8 loader form ${form}: {{components.photoPicker.file[0]}} is stored and read back`, async () => {
      const added = await run(form, { operation: 'attachments.add', ticketId: String(ticketId), stage: 'before', file: legacyFile(`f${form}.png`, png, 'image/png') });
      expect(added.status).toBe('ok');
      const got = await run(form, { operation: 'attachments.get', id: String(added.data.id) });
      expect(got.data.base64Data).toBe(png.toString('base64'));
    });
  }

  it('R-DAY-8 a mislabelled file is a QueryError naming the field, and nothing is stored', async () => {
    const before = (await run(3, { operation: 'attachments.list', ticketId: String(ticketId) })).data.length;
    const refused = await run(3, { operation: 'attachments.add', ticketId: String(ticketId), file: legacyFile('photo.jpg', pdf, 'image/jpeg') }).catch((e: Error & { description?: string }) => e);
    expect(refused).toBeInstanceOf(Error);
    expect(refused.constructor.name).toBe('QueryError');
    expect(`${refused.message} ${(refused as { description?: string }).description ?? ''}`).toMatch(/file\.name/);
    expect((await run(3, { operation: 'attachments.list', ticketId: String(ticketId) })).data).toHaveLength(before);
  });
});
