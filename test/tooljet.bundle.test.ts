import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { bundleDatabase, toolJetPlugin } from '../harness/bundle.js';
import { bundleText, evaluatePlugin, requiredModules } from '../harness/tooljet-loader.js';
import { onRealPostgres } from './support/db.js';
import { serverQuery } from '../harness/server.js';

let db: Awaited<ReturnType<typeof bundleDatabase>>;
// Every call evaluates dist/index.js afresh under ToolJet's newest loader form, as ToolJet's server does.
const plugin = toolJetPlugin();
const ds = 'ds-1';

beforeAll(async () => {
  db = await bundleDatabase();
});
afterAll(async () => db.stop());

const run = (queryOptions: Record<string, unknown>, user?: string, updatedAt = 't1') => plugin.run(db.options, queryOptions, ds, updatedAt, user ? { user: { id: user } } : undefined);

describe('the ToolJet bundle (dist/index.js, loaded as ToolJet loads it)', () => {
  it('is one CommonJS file whose default export is a class, requiring only Node built-ins', () => {
    const service = evaluatePlugin(bundleText(), 2);
    expect(typeof service.run).toBe('function');
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    expect([...requiredModules].filter((m) => !builtins.has(m))).toEqual([]);
    expect(requiredModules.size).toBeGreaterThan(0);
    expect(statSync('dist/index.js').size).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('testConnection migrates the schema and reports its version', async () => {
    const result = await plugin.testConnection(db.options);
    expect(result.status, result.message).toBe('ok');
    expect(result.message).toMatch(/version \d+ of \d+/);
  });

  it.runIf(onRealPostgres)('leaves no schema behind on the server it was given', async () => {
    const own = await bundleDatabase();
    expect((await plugin.testConnection(own.options)).status).toBe('ok');
    await own.stop();
    expect(await serverQuery(process.env.DATABASE_URL!, 'select 1 from pg_namespace where nspname = $1', [own.options.schema])).toEqual([]);
  });

  it('testConnection names the cause when the server is unreachable, within 5 s', async () => {
    const started = Date.now();
    const result = await plugin.testConnection({ ...db.options, connection_string: '', host: '127.0.0.1', port: '1', password: 'wrong' });
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(/not reachable|refused/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it.skipIf(!process.env.DATABASE_URL)('testConnection with a wrong password says the login was refused, within 5 s', async () => {
    const url = new URL(process.env.DATABASE_URL ?? '');
    url.password = 'definitely-wrong';
    const started = Date.now();
    const result = await plugin.testConnection({ ...db.options, connection_string: url.toString() });
    expect(Date.now() - started).toBeLessThan(5000);
    // A server configured with trust authentication accepts any password; CI's server checks them.
    if (result.status === 'ok') return;
    expect(result).toEqual({ status: 'failed', message: expect.stringMatching(/refused the login.*password/) });
  });

  it('R-ACT-1 run() bootstraps the first admin, then maps context.user.id to staff', async () => {
    const first = await run({ operation: 'staff.upsert', name: '系统管理员', tooljetUserId: 'tj-root', roles: '["admin"]', issueApiKey: 'false' });
    expect(first.status).toBe('ok');
    expect(first.data.roles).toContain('admin');
    const info = await run({ operation: 'system.info' }, 'tj-root');
    expect(info.data.actor.name).toBe('系统管理员');
    expect(info.data.schemaVersion).toBe(info.data.latestSchemaVersion);
  });

  it('throws a QueryError with code and field issues for bad input, never SQL or a stack', async () => {
    const error = await run({ operation: 'departments.upsert', code: 'Not Valid', name: '' }, 'tj-root').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'QueryError', data: { code: 'VALIDATION' } });
    const e = error as { message: string; description: string; data: { issues: { path: string }[] }; stack?: string };
    expect(e.data.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['code', 'name']));
    expect(e.message + e.description).not.toMatch(/select|insert|at .*\.js/i);
  });

  it('drops fields left over from another operation, refuses a misspelt one', async () => {
    const ok = await run({ operation: 'departments.list', includeInactive: 'true', patch: '{}', runOnPageLoad: true, transformation: '' }, 'tj-root');
    expect(ok.status).toBe('ok');
    const error = await run({ operation: 'departments.list', includeInactiv: 'true' }, 'tj-root').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'QueryError', data: { code: 'VALIDATION', issues: [{ path: 'includeInactiv' }] } });
  });

  it('R-ACT-2 refuses an unknown ToolJet user with FORBIDDEN', async () => {
    const error = await run({ operation: 'staff.list' }, 'tj-stranger').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'QueryError', data: { code: 'FORBIDDEN' } });
  });

  it('keeps working after the data source is edited (pool rebuilt on dataSourceUpdatedAt)', async () => {
    const again = await run({ operation: 'system.info' }, 'tj-root', 't2');
    expect(again.status).toBe('ok');
  });
});
