import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler } from '../plugin/server/http.js';
import { testDb, type TestDb } from './support/db.js';
import type { Readiness } from '../plugin/server/readiness.js';

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

  it('maps error codes to HTTP statuses: 400, 403, and 404 for a path that is not there', async () => {
    expect((await post('departments.upsert', { code: 'BAD CODE', name: 'x' }, adminKey)).status).toBe(400);
    expect((await post('departments.upsert', '{not json', adminKey)).status).toBe(400);
    const forbidden = await post('settings.update', { patch: {} }, agentKey);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('FORBIDDEN');
    // An unknown operation is refused like in ToolJet (core/registry.ts findOperation): the name is input.
    const unknown = await post('nothing.here', {}, adminKey);
    expect([unknown.status, unknown.body.error.code, unknown.body.error.issues[0].path]).toEqual([400, 'VALIDATION', 'operation']);
    expect((await fetch(`${base}/nothing`)).status).toBe(404);
  });

  it('R-ACT-1 a missing, wrong or tampered key is 401 on every operation, public ones included', async () => {
    const tampered = adminKey.slice(0, -2) + (adminKey.endsWith('AA') ? 'BB' : 'AA');
    for (const op of ['staff.list', 'system.info', 'tickets.search']) {
      for (const key of [tampered, 'cd_1_notarealkeyatallxxxxxxxx', 'garbage', undefined]) {
        const r = await post(op, {}, key);
        expect(r.status, `${op} with ${key ?? 'no key'}`).toBe(401);
        expect(r.body.error.message).toMatch(key ? /API key is not known/ : /X-Api-Key/);
      }
    }
    const res = await fetch(`${base}/api/operations/system.info`, { method: 'POST' });
    expect(res.headers.get('www-authenticate')).toMatch(/X-Api-Key/);
    // Once there is staff, creating another administrator without a key is refused too.
    expect((await post('staff.upsert', { name: 'Intruder', roles: ['admin'] })).status).toBe(401);
  });

  it('405 names the method to use in an Allow header', async () => {
    const res = await fetch(`${base}/api/operations/system.info`, { headers: { 'x-api-key': adminKey } });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(((await res.json()) as any).error.message).toMatch(/use POST/);
  });

  it('/openapi.json names the server the request came to', async () => {
    const spec = (await (await fetch(`${base}/openapi.json`)).json()) as { servers: { url: string }[] };
    expect(spec.servers).toEqual([{ url: base }]);
    const proxied = (await (await fetch(`${base}/openapi.json`, { headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'desk.example.com' } })).json()) as { servers: { url: string }[] };
    expect(proxied.servers).toEqual([{ url: 'https://desk.example.com' }]);
  });
});

describe('a service that is still starting', () => {
  it('answers /healthz with its phase and progress, and operations with 503 and Retry-After', async () => {
    let state: Readiness = { phase: 'seeding', progress: { step: 'tickets', done: 120, total: 480 } };
    const starting = createServer(createHandler(() => state));
    await new Promise<void>((resolve) => starting.listen(0, '127.0.0.1', resolve));
    const at = `http://127.0.0.1:${(starting.address() as AddressInfo).port}`;
    try {
      const health = await fetch(`${at}/healthz`);
      expect(health.status).toBe(503);
      expect(health.headers.get('retry-after')).toBe('2');
      expect(await health.json()).toEqual({ status: 'seeding', progress: { step: 'tickets', done: 120, total: 480 } });
      const op = await fetch(`${at}/api/operations/system.info`, { method: 'POST', headers: { 'x-api-key': adminKey } });
      expect(op.status).toBe(503);
      expect(op.headers.get('retry-after')).toBe('2');
      expect(((await op.json()) as any).error).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/starting \(seeding tickets 120\/480\)/) });
      state = { phase: 'ready', env: t.env };
      expect((await fetch(`${at}/healthz`)).status).toBe(200);
      expect((await fetch(`${at}/api/operations/system.info`, { method: 'POST', headers: { 'x-api-key': adminKey } })).status).toBe(200);
    } finally {
      await new Promise((resolve) => starting.close(resolve));
    }
  });
});
