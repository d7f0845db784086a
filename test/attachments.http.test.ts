import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler } from '../plugin/server/http.js';
import { testDb, type TestDb } from './support/db.js';

// A photo straight from a phone camera is several MB: more than the 1 MiB JSON limit of /api/operations.
const jpeg = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(3 * 1024 * 1024, 9), Buffer.from('ffd9', 'hex')]);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

let t: TestDb;
let server: Server;
let base: string;
let agentKey: string;
let ticketId: number;

const call = async (op: string, body: unknown, key?: string) =>
  (await (
    await fetch(`${base}/api/operations/${op}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}) }, body: JSON.stringify(body) })
  ).json()) as any;
const upload = (query: string, body: Buffer, type: string) =>
  fetch(`${base}/attachments?${query}`, { method: 'POST', headers: { 'x-api-key': agentKey, 'content-type': type }, body: new Uint8Array(body) });

beforeAll(async () => {
  t = await testDb();
  server = createServer(createHandler(t.env));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const admin = (await call('staff.upsert', { name: 'Admin', roles: ['admin'], issueApiKey: true })).apiKey;
  agentKey = (await call('staff.upsert', { name: '张丽', roles: ['agent'], issueApiKey: true }, admin)).apiKey;
  ticketId = (await call('tickets.open', { kind: 'repair', channel: 'phone', matter: '漏水', unit: '12F-1203' }, agentKey)).id;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

describe('photos and scans over HTTP (R-DAY-8)', () => {
  it('R-DAY-8 a 3 MB photo is uploaded as the raw body and comes back byte for byte with its type and name', async () => {
    const res = await upload(`ticketId=${ticketId}&stage=before&name=${encodeURIComponent('漏水点.jpg')}&note=${encodeURIComponent('卫生间')}`, jpeg, 'image/jpeg');
    expect(res.status).toBe(201);
    const stored = (await res.json()) as { id: number; sizeBytes: number; stage: string; fileName: string };
    expect(stored).toMatchObject({ sizeBytes: jpeg.length, stage: 'before', fileName: '漏水点.jpg' });
    const back = await fetch(`${base}/attachments/${stored.id}`, { headers: { 'x-api-key': agentKey } });
    expect(back.status).toBe(200);
    expect(back.headers.get('content-type')).toBe('image/jpeg');
    expect(back.headers.get('content-disposition')).toBe(`inline; filename*=UTF-8''${encodeURIComponent('漏水点.jpg')}`);
    expect(Buffer.from(await back.arrayBuffer()).equals(jpeg)).toBe(true);
  });

  it('R-DAY-8 a mislabelled upload is a 400 naming the field; an unknown key is 401; nothing is stored', async () => {
    const before = await t.sql<{ n: number }>('select count(*)::int as n from attachments');
    const wrong = await upload(`ticketId=${ticketId}&name=scan.jpg`, pdf, 'image/jpeg');
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as any).error.issues[0].path).toBe('file.name');
    const anonymous = await fetch(`${base}/attachments?ticketId=${ticketId}&name=a.pdf`, { method: 'POST', body: new Uint8Array(pdf) });
    expect(anonymous.status).toBe(401);
    expect(await t.sql('select count(*)::int as n from attachments')).toEqual(before);
    expect((await fetch(`${base}/attachments/1`, { method: 'POST', headers: { 'x-api-key': agentKey } })).status).toBe(405);
  });
});
