// The two ways the soak (scripts/soak.ts) reaches Customer Desk: through ToolJet's newest loader form, evaluating
// dist/index.js afresh for every call as ToolJet's server does (harness/tooljet-loader.ts), or through the
// local HTTP service. Each gives an admin and a manager caller, the memory to watch, and (ToolJet on PostgreSQL)
// the number of connections the data source holds.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { bundleDatabase, toolJetPlugin } from '../harness/bundle.js';
import { call, startService, type Reply } from '../harness/service.js';

export type Caller = (name: string, body: Record<string, unknown>) => Promise<Reply>;

export interface Desk {
  admin: Caller;
  manager: Caller;
  /** Memory of the process that holds the plugin, MB. */
  memoryMb(): number;
  /** What memoryMb measures. */
  memoryMeasure: string;
  /** Client connections of the data source's pool (PostgreSQL only). */
  connections?(): Promise<number>;
  stop(): Promise<void>;
}

export async function toolJetDesk(): Promise<Desk> {
  const db = await bundleDatabase();
  const url = process.env.DATABASE_URL;
  // On PostgreSQL the data source carries an application_name, so its connections can be counted.
  const tag = `cd_soak_${randomBytes(4).toString('hex')}`;
  const options = url ? { ...db.options, connection_string: `${url}${url.includes('?') ? '&' : '?'}application_name=${tag}` } : db.options;
  const plugin = toolJetPlugin({ form: 3 });
  const checked = await plugin.testConnection(options);
  if (checked.status !== 'ok') throw new Error(`testConnection failed: ${checked.message}`);
  // ToolJet passes the options row's updatedAt as a new Date object every query.
  const updatedAt = new Date();
  const caller =
    (user: string | undefined): Caller =>
    async (name, body) => {
      try {
        const result = await plugin.run(options, { operation: name, ...body }, 'soak-ds', new Date(updatedAt), user ? { user: { id: user } } : undefined);
        return { status: result.status === 'ok' ? 200 : 500, body: result.data };
      } catch (e) {
        const { message, description, data, constructor: made } = e as { message: string; description?: string; data?: unknown; constructor: { name: string } };
        return { status: made.name === 'QueryError' ? 400 : 500, body: { error: made.name, message, description, data } };
      }
    };
  // The first call on an empty database makes its caller the administrator (R-ACT-1).
  const boot = await caller(undefined)('staff.upsert', { name: '压测 Soak', tooljetUserId: 'soak-admin', roles: ['admin', 'agent', 'supervisor'] });
  if (boot.status !== 200) throw new Error(`bootstrap failed: ${JSON.stringify(boot.body)}`);
  // Nobody approves their own loan request (R-LEN-2): a manager of their own.
  const mgr = await caller('soak-admin')('staff.upsert', { name: '压测经理 Manager', tooljetUserId: 'soak-manager', roles: ['manager'] });
  if (mgr.status !== 200) throw new Error(`manager failed: ${JSON.stringify(mgr.body)}`);
  const counter = url ? new pg.Client({ connectionString: url }) : undefined;
  await counter?.connect();
  return {
    admin: caller('soak-admin'),
    manager: caller('soak-manager'),
    // What the plugin's process keeps: the heap after a full collection (node --expose-gc, as `npm run soak`
    // starts it). RSS also follows how much garbage awaits collection, which says nothing of a leak.
    memoryMb: () => {
      if (!globalThis.gc) return process.memoryUsage().rss / 2 ** 20;
      globalThis.gc();
      return process.memoryUsage().heapUsed / 2 ** 20;
    },
    memoryMeasure: globalThis.gc ? 'heap after a full GC' : 'RSS (start node with --expose-gc for the heap after a full GC)',
    ...(counter
      ? {
          connections: async () => Number((await counter.query<{ n: string }>('select count(*) as n from pg_stat_activity where application_name = $1', [tag])).rows[0]?.n),
        }
      : {}),
    async stop() {
      await counter?.end();
      await db.stop();
    },
  };
}

const rssOf = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

export async function serviceDesk(): Promise<Desk> {
  const dataDir = mkdtempSync(join(tmpdir(), 'customerdesk-soak-'));
  const service = await startService({ dataDir, env: { DATABASE_URL: undefined } });
  const stop = async () => {
    await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const admin = await call(service.base, 'staff.upsert', { name: '压测 Soak', roles: ['admin', 'agent', 'supervisor'], issueApiKey: true });
    if (admin.status !== 200) throw new Error(`bootstrap failed: ${JSON.stringify(admin.body)}`);
    const key = admin.body.apiKey as string;
    const manager = await call(service.base, 'staff.upsert', { name: '压测经理 Manager', roles: ['manager'], issueApiKey: true }, key);
    if (manager.status !== 200) throw new Error(`manager failed: ${JSON.stringify(manager.body)}`);
    const managerKey = manager.body.apiKey as string;
    return {
      admin: (name, body) => call(service.base, name, body, key),
      manager: (name, body) => call(service.base, name, body, managerKey),
      memoryMb: () => rssOf(service.child.pid!),
      memoryMeasure: 'RSS of the service process',
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
