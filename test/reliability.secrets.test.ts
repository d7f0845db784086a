// §7 secrets: the database password, the webhook secret and API keys never appear in an error, a log
// line, the audit log or system.info; API keys are kept only as SHA-256 digests. Checked through the
// ToolJet bundle (as ToolJet loads it) with everything it writes to the console captured.
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { bundleDatabase, toolJetPlugin } from '../harness/bundle.js';
import type { TestDb } from './support/db.js';
import { useDesk } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { dumpAll } from './support/invariants.js';

const dbPassword = 'Pw-7f3a9c-never-shown';
const webhookSecret = 'whsec-5e1d22-never-shown';
let checked = 0;

/** Runs `fn` with every console method and stdout/stderr write captured; returns the captured text. */
async function captured(fn: () => Promise<unknown>): Promise<{ text: string; outcome: unknown }> {
  const lines: string[] = [];
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation((...a: unknown[]) => void lines.push(a.map(String).join(' '))));
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => (lines.push(String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (lines.push(String(chunk)), true));
  let outcome: unknown;
  try {
    outcome = await fn();
  } catch (e) {
    const x = e as { message?: string; description?: string; data?: unknown; stack?: string };
    outcome = { message: x.message, description: x.description, data: x.data, stack: x.stack };
  } finally {
    for (const s of [...spies, out, err]) s.mockRestore();
  }
  return { text: lines.join('\n'), outcome };
}

function expectNoSecret(what: string, seen: { text: string; outcome: unknown }, secrets: string[]): void {
  const all = `${seen.text}\n${JSON.stringify(seen.outcome)}`;
  for (const s of secrets) expect(all.includes(s), `${what} shows a secret`).toBe(false);
  checked++;
}

afterAll(() => console.log(`[reliability.secrets] ${checked} outputs checked for secrets`));

describe('§7 the database password and webhook secret, through the ToolJet bundle', () => {
  const plugin = () => toolJetPlugin();
  const secrets = [dbPassword, webhookSecret, encodeURIComponent(dbPassword)];

  it('a server that is not there, and a refused login: the errors never show the password', async () => {
    const p = plugin();
    const unreachable = { host: '127.0.0.1', port: '1', username: 'postgres', password: dbPassword, webhook_secret: webhookSecret, schema: 'nowhere' };
    expectNoSecret('testConnection (unreachable)', await captured(() => p.testConnection(unreachable)), secrets);
    expectNoSecret('run (unreachable)', await captured(() => p.run(unreachable, { operation: 'system.info' }, 'ds-s1', 'v1')), secrets);
    const inUrl = { connection_string: `postgres://postgres:${encodeURIComponent(dbPassword)}@127.0.0.1:1/postgres`, webhook_secret: webhookSecret };
    expectNoSecret('testConnection (connection string)', await captured(() => p.testConnection(inUrl)), secrets);
    expectNoSecret('run (connection string)', await captured(() => p.run(inUrl, { operation: 'staff.list' }, 'ds-s2', 'v1')), secrets);
    if (process.env.DATABASE_URL) {
      const wrong = new URL(process.env.DATABASE_URL);
      wrong.password = dbPassword;
      expectNoSecret('testConnection (wrong password)', await captured(() => p.testConnection({ connection_string: wrong.toString() })), secrets);
    }
  });

  it('a working data source: system.info, refusals, bad input and a webhook that fails never show a secret', async () => {
    const db = await bundleDatabase();
    const url = 'http://127.0.0.1:1/hook';
    const options = { ...db.options, webhook_url: url, webhook_secret: webhookSecret };
    // The real password of a PGlite socket is never checked; give it ours so it travels everywhere.
    if ('password' in options) options.password = dbPassword;
    const p = plugin();
    const run = (q: Record<string, unknown>, user?: string) => p.run(options, q, 'ds-s3', 'v1', user ? { user: { id: user } } : undefined);
    const connectionSecrets = [...secrets, ...(process.env.DATABASE_URL ? [new URL(process.env.DATABASE_URL).password].filter((x) => x.length > 3) : [])];
    try {
      for (const [what, call] of [
        ['bootstrap', () => run({ operation: 'staff.upsert', name: '管理员', tooljetUserId: 'tj-root', roles: '["admin","agent"]' })],
        ['system.info', () => run({ operation: 'system.info' }, 'tj-root')],
        ['system.info anonymous', () => run({ operation: 'system.info' })],
        ['settings.get', () => run({ operation: 'settings.get' }, 'tj-root')],
        ['a refusal', () => run({ operation: 'staff.list' }, 'tj-stranger')],
        ['bad input', () => run({ operation: 'customers.create', unit: '', name: 'x'.repeat(500) }, 'tj-root')],
        ['a write that emits events', () => run({ operation: 'tickets.open', kind: 'repair', channel: 'phone', matter: '密钥 secret test' }, 'tj-root')],
        ['notifications.scan', () => run({ operation: 'notifications.scan' }, 'tj-root')],
        ['notifications.list', () => run({ operation: 'notifications.list' }, 'tj-root')],
      ] as const) {
        expectNoSecret(what, await captured(call), connectionSecrets);
      }
    } finally {
      await db.stop();
    }
  });
});

describe('§7 API keys are stored hashed and shown once', () => {
  let t: TestDb;
  let cast: Cast;
  useDesk((d) => ({ t, cast } = d));

  it('R-ACT-1 the key is returned once; the database holds only its SHA-256 digest, nowhere the key itself', async () => {
    const issued = await t.as(cast.admin)('staff.upsert', {
      id: cast.supervisor,
      name: '王敏',
      roles: ['supervisor'],
      departmentCode: 'customer_service',
      tooljetUserId: 'tj-supervisor',
      issueApiKey: true,
    });
    const key = issued.apiKey as string;
    expect(key).toMatch(/^cd_\d+_[A-Za-z0-9_-]{16,}$/);
    const [row] = await t.sql<{ hash: string }>('select api_key_hash as hash from staff where id = $1', [cast.supervisor]);
    expect(row?.hash).toBe(createHash('sha256').update(key, 'utf8').digest('hex'));
    const dump = await dumpAll(t.sql, t.db.schema);
    expect(dump.includes(key), 'the key is stored in clear somewhere (audit log?)').toBe(false);
    // The secret is everything after `cd_<staff id>_`; being base64url it may itself hold `_`, so it is not the
    // last `_`-piece (that piece was a few characters at times, which a dump could hold by chance).
    expect(dump.includes(key.replace(/^cd_\d+_/, '')), 'the secret part of the key is stored').toBe(false);
    for (const op of ['staff.list', 'system.info'] as const) expect(JSON.stringify(await t.as(cast.admin)(op, {}))).not.toContain(key);
    // The key identifies its holder; the same key one character off does not.
    expect((await t.run({ kind: 'apiKey', key }, 'system.info', {})).actor.id).toBe(cast.supervisor);
    const tampered = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
    await expect(t.run({ kind: 'apiKey', key: tampered }, 'staff.list', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const refusal = await t.run({ kind: 'apiKey', key: tampered }, 'staff.list', {}).catch((e: { message: string }) => e.message);
    expect(refusal).not.toContain(tampered);
    checked += 4;
  });
});
