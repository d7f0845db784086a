// §7 faults: a connection killed mid-operation, PostgreSQL restarted under load, and the local service
// killed with SIGKILL during writes. Each fault is injected for real (pg_terminate_backend, pg_ctl
// restart, SIGKILL) and followed by a count of what is in the database against what was acknowledged.
// Webhook endpoint down → nothing lost: test/notifications.delivery.test.ts ('a webhook down for the whole
// first phase loses nothing').
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleDatabase, toolJetPlugin, type PluginService } from '../harness/bundle.js';
import { call, startService } from '../harness/service.js';
import { serverQuery } from '../harness/server.js';
import { onRealPostgres } from './support/db.js';

const stats = { faults: 0, acknowledged: 0, found: 0, refusedDuringRestart: {} as Record<string, number> };
afterAll(() =>
  console.log(
    `[reliability.faults] ${stats.faults} faults injected; ${stats.acknowledged} acknowledged writes, ${stats.found} found afterwards; refused while PostgreSQL restarted: ${JSON.stringify(stats.refusedDuringRestart)}`,
  ),
);

const codeOf = (e: unknown) => (e as { data?: { code?: string } }).data?.code;

/** A ToolJet data source on `options`: bootstrap an admin who also works the desk, as ToolJet user tj-root. */
async function desk(options: Record<string, unknown>) {
  const plugin: PluginService = toolJetPlugin();
  const run = (queryOptions: Record<string, unknown>) => plugin.run(options, queryOptions, 'ds-faults', 'v1', { user: { id: 'tj-root' } });
  await plugin.run(options, { operation: 'staff.upsert', name: '管理员', tooljetUserId: 'tj-root', roles: '["admin","agent","supervisor","manager"]' }, 'ds-faults', 'v1');
  return run;
}

describe.skipIf(!onRealPostgres)('§7 the database connection killed mid-operation (pg_terminate_backend)', () => {
  it.each([
    ['customers.create', 'customers', { unit: '8F-801', name: '中断 Killed' }, `select count(*)::int as n from customers where unit = '8F-801'`],
    ['tickets.open', 'tickets', { kind: 'repair', channel: 'phone', matter: '中断 killed' }, `select count(*)::int as n from tickets`],
  ])('%s blocked on a lock and killed → UNAVAILABLE, no partial rows, the next call reconnects by itself', async (operation, table, input, counting) => {
    const db = await bundleDatabase();
    const schema = String(db.options.schema);
    const run = await desk(db.options);
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`set search_path to ${schema}`);
      const q = async (text: string) => Number((await admin.query<{ n: number }>(text)).rows[0]?.n ?? 0);
      // One warm-up call, so that the counters and the pool exist before the fault.
      await run({ operation, ...input, ...(operation === 'customers.create' ? { unit: '8F-800' } : {}) });
      const before = { rows: await q(counting), audit: await q('select count(*)::int as n from audit_log'), counter: await q(`select coalesce(max(last), 0)::int as n from ticket_numbers`) };

      // Hold the table so the operation stops half-way (after it has read and, for tickets, taken a number).
      const locker = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await locker.connect();
      await locker.query(`begin; lock table ${schema}.${table} in exclusive mode`);
      const pending = run({ operation, ...input }).then(
        () => 'ok',
        (e: unknown) => codeOf(e),
      );
      let victim: number | undefined;
      for (let i = 0; i < 100 && victim === undefined; i++) {
        const { rows } = await admin.query<{ pid: number }>(`select pid from pg_stat_activity where $1 = any(pg_blocking_pids(pid))`, [(locker as unknown as { processID: number }).processID]);
        victim = rows[0]?.pid;
        if (victim === undefined) await new Promise((r) => setTimeout(r, 100));
      }
      expect(victim, 'the operation never reached the locked table').toBeDefined();
      await admin.query('select pg_terminate_backend($1)', [victim]);
      stats.faults++;
      await locker.query('commit');
      await locker.end();

      expect(await pending).toBe('UNAVAILABLE');
      expect(await q(counting), 'no partial rows').toBe(before.rows);
      expect(await q('select count(*)::int as n from audit_log'), 'no audit row for what did not happen').toBe(before.audit);
      expect(await q(`select coalesce(max(last), 0)::int as n from ticket_numbers`), 'no ticket number used up').toBe(before.counter);
      // Same data source, no ToolJet restart: the dead connection was dropped and a new one is made.
      const again = await run({ operation, ...input });
      expect(again.status).toBe('ok');
      expect(await q(counting)).toBe(before.rows + 1);
    } finally {
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
      await db.stop();
    }
  });
});

// A PostgreSQL of its own, so restarting it disturbs nobody else's tests. Needs the server binaries.
const pgBin = existsSync('/usr/lib/postgresql')
  ? readdirSync('/usr/lib/postgresql')
      .sort()
      .map((v) => `/usr/lib/postgresql/${v}/bin`)
      .pop()
  : undefined;

describe.skipIf(!onRealPostgres || !pgBin)('§7 PostgreSQL restarted under load', () => {
  it('the plugin recovers without a ToolJet restart and every acknowledged intake is there, numbered without gaps', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const dataDir = `/tmp/customerdesk-reliability-pg-${port}`;
    const asPostgres = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
    // Asynchronous, so the load keeps running while the server goes down and comes back.
    const ctl = (...args: string[]) =>
      promisify(execFile)(asPostgres[0] ?? `${pgBin}/pg_ctl`, [...asPostgres.slice(1), ...(asPostgres.length ? [`${pgBin}/pg_ctl`] : []), '-D', dataDir, '-l', `${dataDir}/log`, ...args]);
    execFileSync('bash', ['scripts/pg-start.sh'], { env: { ...process.env, PGPORT_TEST: String(port), PGDATA_TEST: dataDir }, stdio: 'pipe' });
    const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
    try {
      const run = await desk({ connection_string: url, schema: 'restart' });
      const acknowledged: string[] = [];
      const refused: Record<string, number> = {};
      let stop = false;
      const worker = async (n: number) => {
        for (let i = 0; !stop; i++) {
          try {
            const r = await run({ operation: 'tickets.open', kind: 'inquiry', channel: 'phone', matter: `重启 ${n}-${i}`, idempotencyKey: `w${n}-${i}` });
            acknowledged.push(r.data.number);
          } catch (e) {
            const code = codeOf(e) ?? 'none';
            refused[code] = (refused[code] ?? 0) + 1;
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      };
      const workers = Array.from({ length: 8 }, (_, n) => worker(n));
      await new Promise((r) => setTimeout(r, 1500));
      const beforeRestart = acknowledged.length;
      await ctl('restart', '-m', 'fast', '-w', '-o', `-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`);
      stats.faults++;
      const restartedAt = acknowledged.length;
      await new Promise((r) => setTimeout(r, 2500));
      stop = true;
      await Promise.all(workers);
      expect(beforeRestart, 'load was running before the restart').toBeGreaterThan(0);
      expect(acknowledged.length, 'intakes succeed again after the restart').toBeGreaterThan(restartedAt);
      // While the server was down the only refusals are UNAVAILABLE (or CONFLICT from a retried key).
      expect(
        Object.keys(refused).filter((c) => c !== 'UNAVAILABLE' && c !== 'CONFLICT'),
        JSON.stringify(refused),
      ).toEqual([]);
      const rows = await serverQuery<{ number: string }>(url, 'select number from restart.tickets order by number');
      const stored = rows.map((r) => r.number);
      stats.acknowledged += acknowledged.length;
      stats.found += acknowledged.filter((n) => stored.includes(n)).length;
      stats.refusedDuringRestart = refused;
      expect(
        acknowledged.filter((n) => !stored.includes(n)),
        'acknowledged but lost',
      ).toEqual([]);
      expect(stored.map((n) => Number(n.slice(6)))).toEqual(stored.map((_, i) => i + 1));
    } finally {
      try {
        await ctl('stop', '-m', 'immediate');
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  });
});

describe('§7 the local service killed with SIGKILL during writes', () => {
  it('after a restart on the same data directory every acknowledged write is there', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'customerdesk-kill-'));
    // The embedded database in a data directory is the case at risk; DATABASE_URL would bypass it.
    const env = { DATABASE_URL: undefined };
    try {
      let service = await startService({ dataDir, env });
      const first = await call(service.base, 'staff.upsert', { name: '管理员', roles: ['admin', 'agent', 'supervisor'], issueApiKey: true });
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      const key = first.body.apiKey as string;
      const acknowledged: { id: number; unit: string }[] = [];
      let seq = 0;
      const writer = async () => {
        for (;;) {
          const unit = `${5 + (seq % 20)}F-${1000 + seq++}`;
          const r = await call(service.base, 'customers.create', { unit, name: `断电 Kill ${unit}` }, key);
          if (r.status !== 200) return;
          acknowledged.push({ id: r.body.id, unit });
        }
      };
      const writers = Array.from({ length: 4 }, writer);
      while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 50));
      await service.kill();
      stats.faults++;
      await Promise.all(writers);

      service = await startService({ dataDir, env });
      try {
        const stored = new Set<string>();
        for (let cursor: string | undefined, more = true; more; ) {
          const found = await call(service.base, 'customers.search', { limit: 200, ...(cursor ? { cursor } : {}) }, key);
          expect(found.status, JSON.stringify(found.body)).toBe(200);
          for (const c of found.body.items as { id: number; unit: string }[]) stored.add(`${c.id} ${c.unit}`);
          cursor = found.body.nextCursor ?? undefined;
          more = Boolean(cursor);
        }
        stats.acknowledged += acknowledged.length;
        stats.found += acknowledged.filter((a) => stored.has(`${a.id} ${a.unit}`)).length;
        expect(
          acknowledged.filter((a) => !stored.has(`${a.id} ${a.unit}`)),
          'acknowledged but lost',
        ).toEqual([]);
        // Still writable after the crash.
        expect((await call(service.base, 'customers.create', { unit: '1F-101', name: '重启后 After' }, key)).status).toBe(200);
      } finally {
        await service.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
