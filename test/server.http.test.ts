import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler } from '../plugin/server/http.js';
import { testDb, type TestDb } from './support/db.js';

let t: TestDb;
let server: Server;
let base: string;
let adminKey: string;
let agentKey: string;

const post = async (op: string, body: unknown, key?: string) => {
  const res = await fetch(`${base}/api/operations/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
};

beforeAll(async () => {
  t = await testDb();
  server = createServer(createHandler(t.env));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

describe('local HTTP service', () => {
  it('answers /healthz with the schema version and serves the OpenAPI document', async () => {
    const health = (await (await fetch(`${base}/healthz`)).json()) as { status: string; schemaVersion: number };
    expect(health.status).toBe('ok');
    expect(health.schemaVersion).toBeGreaterThan(0);
    const spec = (await (await fetch(`${base}/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.paths['/api/operations/system.info']).toBeDefined();
  });

  it('R-ACT-1 bootstraps the first admin with an API key; the key then identifies the actor', async () => {
    const first = await post('staff.upsert', { name: 'Admin', roles: ['admin'], issueApiKey: true });
    expect(first.status).toBe(200);
    adminKey = first.body.apiKey;
    expect(adminKey).toMatch(/^cd_\d+_/);
    const agent = await post('staff.upsert', { name: '张丽', roles: ['agent'], issueApiKey: true }, adminKey);
    agentKey = agent.body.apiKey;
    const info = await post('system.info', {}, agentKey);
    expect(info.body.actor.name).toBe('张丽');
    expect(info.body.schemaVersion).toBe(info.body.latestSchemaVersion);
  });

  it('stores API keys only as digests', async () => {
    const rows = await t.sql<{ api_key_hash: string }>('select api_key_hash from staff where api_key_hash is not null');
    expect(rows.length).toBe(2);
    for (const r of rows) {
      expect(r.api_key_hash).toMatch(/^[0-9a-f]{64}$/);
      expect([adminKey, agentKey]).not.toContain(r.api_key_hash);
    }
  });

  it('maps error codes to HTTP statuses: 400, 403, 404', async () => {
    expect((await post('departments.upsert', { code: 'BAD CODE', name: 'x' }, adminKey)).status).toBe(400);
    expect((await post('departments.upsert', '{not json', adminKey)).status).toBe(400);
    const forbidden = await post('settings.update', { patch: {} }, agentKey);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('FORBIDDEN');
    expect((await post('nothing.here', {}, adminKey)).status).toBe(404);
  });

  it('R-ACT-2 a wrong or tampered key is refused', async () => {
    const tampered = adminKey.slice(0, -2) + (adminKey.endsWith('AA') ? 'BB' : 'AA');
    expect((await post('staff.list', {}, tampered)).status).toBe(403);
    expect((await post('staff.list', {}, 'cd_1_notarealkeyatallxxxxxxxx')).status).toBe(403);
    expect((await post('staff.list', {})).status).toBe(403);
  });
});
