import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useTicketDesk, type Ids } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { expectError } from './support/errors.js';
import { openTicket } from './tickets.fixtures.js';
import { registry } from '../plugin/app.js';

// Smallest real files: a 1×1 PNG, a JPEG start of image + JFIF header, a one-page PDF.
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
const jpeg = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(64, 7), Buffer.from('ffd9', 'hex')]);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A file as ToolJet's FilePicker exposes it (useFilePicker.js: name, size, type, base64Data, content, …). */
const picked = (name: string, bytes: Buffer, type: string) => ({
  name,
  size: bytes.length,
  type,
  lastModified: 1760000000000,
  base64Data: bytes.toString('base64'),
  content: bytes.toString('latin1'),
  parsedData: null,
});

let t: TestDb;
let cast: Cast;
let ids: Ids;
useTicketDesk((d) => ({ t, cast, ids } = d));

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();
const stored = async () => (await t.sql<{ n: number; bytes: number }>('select count(*)::int as n, coalesce(sum(size_bytes), 0)::int as bytes from attachments'))[0];
const usage = async () => Number((await t.sql<{ used: string }>('select coalesce(max(used_bytes), 0) as used from attachment_usage'))[0]?.used ?? 0);

describe('photos and scans (R-DAY-8)', () => {
  it('R-DAY-8 a repair gets an intake photo from the FilePicker and before/after photos; the bytes come back unchanged', async () => {
    const ticket = await openTicket(t, cast, { kind: 'repair' });
    const intake = await t.as(cast.agent)('attachments.add', { ticketId: ticket.id, file: picked('leak.png', png, 'image/png'), note: '天花板水渍' });
    expect(intake).toMatchObject({ stage: 'intake', contentType: 'image/png', sizeBytes: png.length, masked: false, base64Data: null });
    await t.as(cast.engineer)('attachments.add', { ticketId: ticket.id, stage: 'before', file: picked('before.jpg', jpeg, 'image/jpeg') });
    await t.as(cast.engineer)('attachments.add', { ticketId: ticket.id, stage: 'after', file: { name: 'after.jpeg', base64Data: `data:image/jpeg;base64,${jpeg.toString('base64')}` } });
    const list = await t.as(cast.agent)('attachments.list', { ticketId: ticket.id });
    expect(list.map((a: { stage: string }) => a.stage)).toEqual(['intake', 'before', 'after']);
    const got = await t.as(cast.agent)('attachments.get', { id: intake.id });
    expect(Buffer.from(got.base64Data ?? '', 'base64').equals(png)).toBe(true);
    expect(got.sha256).toBe(createHash('sha256').update(png).digest('hex'));
    expect(got.dataUrl).toBe(`data:image/png;base64,${png.toString('base64')}`);
  });

  it('R-DAY-4 R-DAY-8 a photo is attached and listed by the ticket number staff quote; an unknown number is NOT_FOUND and stores nothing', async () => {
    const ticket = await openTicket(t, cast, { kind: 'repair' });
    const added = await t.as(cast.agent)('attachments.add', { ticketNumber: ticket.number, file: picked('leak.png', png, 'image/png') });
    expect(added).toMatchObject({ ticketId: ticket.id, stage: 'intake' });
    expect((await t.as(cast.agent)('attachments.list', { ticketNumber: ticket.number })).map((a: { id: number }) => a.id)).toEqual([added.id]);
    const before = await usage();
    await expectError(t.as(cast.agent)('attachments.add', { ticketNumber: '991231999', file: picked('leak.png', png, 'image/png') }), 'NOT_FOUND');
    await expectError(t.as(cast.agent)('attachments.add', { ticketId: ticket.id, ticketNumber: ticket.number, file: picked('leak.png', png, 'image/png') }), 'VALIDATION');
    expect(await usage()).toBe(before);
  });

  it('R-DAY-8 R-ARC-1 a PDF scan on an archive document; a document takes only scans', async () => {
    const customer = await t.as(cast.agent)('customers.create', { unit: '15F-1501', name: '扫描件公司' });
    const doc = await t.as(cast.agent)('archives.addDocument', { archiveId: customer.archiveId, kind: 'move_in', title: '入住资料', receivedOn: '2026-10-09', pages: 1, original: true });
    const scan = await t.as(cast.agent)('attachments.add', { documentId: doc.id, file: picked('入住资料.pdf', pdf, 'application/pdf') });
    expect(scan).toMatchObject({ stage: 'scan', contentType: 'application/pdf', documentId: doc.id, ticketId: null });
    await expectError(t.as(cast.agent)('attachments.add', { documentId: doc.id, stage: 'before', file: picked('x.pdf', pdf, 'application/pdf') }), 'VALIDATION', 'stage');
    await expectError(t.as(cast.agent)('attachments.add', { documentId: doc.id, ticketId: 1, file: picked('x.pdf', pdf, 'application/pdf') }), 'VALIDATION', 'ticketId');
  });

  it('R-DAY-8 a mislabelled or unknown file is refused naming the field, and nothing is stored', async () => {
    const ticket = await openTicket(t, cast);
    const before = await stored();
    const used = await usage();
    await expectError(t.as(cast.agent)('attachments.add', { ticketId: ticket.id, file: picked('photo.jpg', pdf, 'image/jpeg') }), 'VALIDATION', 'file.name');
    await expectError(t.as(cast.agent)('attachments.add', { ticketId: ticket.id, file: picked('scan.pdf', png, 'application/pdf') }), 'VALIDATION', 'file.name');
    await expectError(t.as(cast.agent)('attachments.add', { ticketId: ticket.id, file: picked('photo.png', png, 'image/jpeg') }), 'VALIDATION', 'file.name');
    await expectError(t.as(cast.agent)('attachments.add', { ticketId: ticket.id, file: picked('notes.png', Buffer.from('just text, not an image'), 'image/png') }), 'VALIDATION', 'file.base64Data');
    await expectError(t.as(cast.agent)('attachments.add', { ticketId: ticket.id, file: { name: 'x.png', base64Data: 'not base64!' } }), 'VALIDATION', 'file.base64Data');
    expect(await stored()).toEqual(before);
    expect(await usage()).toBe(used);
  });

  it('R-DAY-8 a file over the per-file limit and one that would pass the per-site limit are refused; nothing is stored', async () => {
    const ticket = await openTicket(t, cast);
    const big = Buffer.concat([jpeg.subarray(0, 20), Buffer.alloc(5000, 1)]);
    await t.as(cast.admin)('settings.update', { patch: { attachments: { maxFileBytes: 4096 } } });
    const before = await stored();
    const used = await usage();
    try {
      await expectError(t.as(cast.agent)('attachments.add', { ticketId: ticket.id, file: picked('big.jpg', big, 'image/jpeg') }), 'VALIDATION', 'file.base64Data');
      await t.as(cast.admin)('settings.update', { patch: { attachments: { maxFileBytes: 1048576, maxSiteBytes: used + png.length + 10 } } });
      await t.as(cast.agent)('attachments.add', { ticketId: ticket.id, file: picked('ok.png', png, 'image/png') });
      await expectError(t.as(cast.agent)('attachments.add', { ticketId: ticket.id, file: picked('one-more.png', png, 'image/png') }), 'VALIDATION', 'file.base64Data');
      expect((await stored())?.n).toBe((before?.n ?? 0) + 1);
      expect(await usage()).toBe(used + png.length);
    } finally {
      await t.as(cast.admin)('settings.update', { patch: { attachments: { maxFileBytes: 10485760, maxSiteBytes: 5368709120 } } });
    }
  });

  it('R-DAY-8 R-ARC-3 attachments are originals: no operation changes them and the database refuses it', async () => {
    expect([...registry.keys()].filter((name) => name.startsWith('attachments.'))).toEqual(['attachments.add', 'attachments.list', 'attachments.get']);
    const [row] = await t.sql<{ id: number }>('select id from attachments order by id limit 1');
    await expect(t.sql('update attachments set file_name = $2 where id = $1', [row?.id, 'x.png'])).rejects.toThrow(/cannot be changed/);
    await expect(t.sql('delete from attachments where id = $1', [row?.id])).rejects.toThrow(/cannot be changed/);
  });

  it('R-DAY-8 a retried upload with the same idempotency key stores the file once', async () => {
    const ticket = await openTicket(t, cast);
    const input = { ticketId: ticket.id, file: picked('retry.png', png, 'image/png'), idempotencyKey: `upload-${ticket.id}` };
    const a = await t.as(cast.agent)('attachments.add', input);
    const b = await t.as(cast.agent)('attachments.add', input);
    expect(b.id).toBe(a.id);
    expect(await t.as(cast.agent)('attachments.list', { ticketId: ticket.id })).toHaveLength(1);
  });
});

describe('attachments follow the masking of what they belong to (R-DAY-8 with R-CUS-5, R-TIC-8)', () => {
  it('R-DAY-8 R-CUS-5 scans of a confidential customer are masked below manager unless the reader is the owner', async () => {
    const customer = await t.as(cast.manager)('customers.create', { unit: '16F-1601', name: '保密客户', confidential: true, ownerStaffId: cast.agent2 });
    const doc = await t.as(cast.manager)('archives.addDocument', { archiveId: customer.archiveId, kind: 'correspondence', title: '往来函', receivedOn: '2026-10-09', pages: 1 });
    const scan = await t.as(cast.manager)('attachments.add', { documentId: doc.id, file: picked('letter.pdf', pdf, 'application/pdf') });
    const masked = await t.as(cast.agent)('attachments.get', { id: scan.id });
    expect(masked).toMatchObject({ masked: true, fileName: '***', base64Data: null, dataUrl: null, contentType: 'application/pdf' });
    expect(JSON.stringify(masked)).not.toContain('letter');
    const listed = await t.as(cast.agent)('attachments.list', { documentId: doc.id, withData: true });
    expect(listed[0]).toMatchObject({ masked: true, base64Data: null });
    expect((await t.as(cast.agent2)('attachments.get', { id: scan.id })).masked).toBe(false);
    expect((await t.as(cast.director)('attachments.get', { id: scan.id })).base64Data).toBe(pdf.toString('base64'));
    await expectError(t.as(cast.agent)('attachments.add', { documentId: doc.id, file: picked('more.pdf', pdf, 'application/pdf') }), 'FORBIDDEN');
  });

  it('R-DAY-8 R-TIC-8 the staff member complained about never sees the complaint’s photos and cannot add any', async () => {
    const ticket = await openTicket(t, cast, { targetStaffId: cast.engineer, conduct: { account: '维修时态度恶劣' } });
    const photo = await t.as(cast.agent)('attachments.add', { ticketId: ticket.id, file: picked('evidence.jpg', jpeg, 'image/jpeg') });
    const seen = await t.as(cast.engineer)('attachments.get', { id: photo.id });
    expect(seen).toMatchObject({ masked: true, fileName: '***', base64Data: null });
    expect((await t.as(cast.supervisor)('attachments.get', { id: photo.id })).masked).toBe(false);
    await expectError(t.as(cast.engineer)('attachments.add', { ticketId: ticket.id, stage: 'after', file: picked('after.jpg', jpeg, 'image/jpeg') }), 'FORBIDDEN');
  });

  it('R-DAY-8 photos of a ticket outside the reader’s scope are not found', async () => {
    const ticket = await openTicket(t, cast, { kind: 'repair' });
    await t.as(cast.agent)('tickets.acknowledge', { id: ticket.id });
    await t.as(cast.supervisor)('tickets.assign', { id: ticket.id, departmentId: ids.engineering, assigneeId: cast.engineer, deadline: inAWeek() });
    // The security department's head sees only security's tickets.
    const photo = await t.as(cast.agent)('attachments.add', { ticketId: ticket.id, file: picked('p.png', png, 'image/png') });
    await expectError(t.as(cast.securityHead)('attachments.get', { id: photo.id }), 'NOT_FOUND');
    await expectError(t.as(cast.securityHead)('attachments.list', { ticketId: ticket.id }), 'NOT_FOUND');
  });
});
