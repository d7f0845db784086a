// What a per-query evaluation (ToolJet's loader form 3, harness/tooljet-loader.ts) must not cost: connections
// and memory. Each run() below evaluates dist/index.js afresh, as ToolJet's server does for every query.
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleDatabase, toolJetPlugin } from '../harness/bundle.js';
import { bundleText, evaluatePlugin } from '../harness/tooljet-loader.js';
import { onRealPostgres } from './support/db.js';
import { collectGarbage } from './support/gc.js';

/** pg.Pool's `max` for a data source (plugin/db/pg.ts). */
const poolMax = 10;
const plugin = toolJetPlugin();
const root = { user: { id: 'tj-root' } };
let db: Awaited<ReturnType<typeof bundleDatabase>>;

beforeAll(async () => {
  db = await bundleDatabase();
  await plugin.run(db.options, { operation: 'staff.upsert', name: '管理员', tooljetUserId: 'tj-root', roles: '["admin"]' }, 'ds-rt', 'v1');
});
afterAll(async () => db.stop());

/** The build hashes the host process holds an implementation for (plugin/tooljet/entry.cts). */
const builds = (): string[] => [...(Reflect.get(process, Symbol.for('customerdesk.tooljet.builds')) as Map<string, unknown>).keys()];

/** dist/index.js as a later version of the plugin would be: the same code under another build hash. */
function nextBuild(): string {
  evaluatePlugin(bundleText(), 3);
  const [hash] = builds();
  return bundleText().replace(`"${hash}"`, `"${hash}-next"`);
}

/** `n` calls of `call`, `lanes` at a time. */
async function inLanes(n: number, lanes: number, call: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < n) await call(next++);
    }),
  );
}

// PGlite sits behind a single-session socket server in the tests and has no pg_stat_activity of client connections.
describe.skipIf(!onRealPostgres)('connections to PostgreSQL (needs DATABASE_URL; skipped on PGlite, which has no client connections to count)', () => {
  const url = process.env.DATABASE_URL ?? '';
  let admin: pg.Client;
  /** The data source's options, tagged with an application_name so that only its connections are counted. */
  const tagged = (name: string) => {
    const u = new URL(url);
    u.searchParams.set('application_name', name);
    return { ...db.options, connection_string: u.toString() };
  };
  const connections = async (name: string) => Number((await admin.query<{ n: string }>('select count(*) as n from pg_stat_activity where application_name = $1', [name])).rows[0]?.n);

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
  });
  afterAll(async () => admin.end());

  it(`after 1,000 fresh-evaluation queries on one data source, at most the pool's ${poolMax} connections are open`, async () => {
    const name = `cd_rt_${randomBytes(4).toString('hex')}`;
    const options = tagged(name);
    // ToolJet passes the options row's updatedAt, a new Date object for every query (data-queries util.service.ts).
    const updatedAt = new Date('2026-01-01T00:00:00.123Z');
    await inLanes(1000, 16, async () => {
      const result = await plugin.run(options, { operation: 'system.info' }, 'ds-conn', new Date(updatedAt), root);
      expect(result.status).toBe('ok');
    });
    const open = await connections(name);
    expect(open).toBeGreaterThan(0);
    expect(open).toBeLessThanOrEqual(poolMax);
  }, 120_000);

  it.each([
    ['the data source is edited (a newer dataSourceUpdatedAt)', new Date('2026-01-02T00:00:00Z')],
    // ToolJet resolves {{secrets.…}} and {{constants.…}} in the options per query: a changed secret keeps updatedAt.
    ['its options resolve differently under the same dataSourceUpdatedAt (a secret changed)', new Date('2026-01-01T00:00:00Z')],
  ])("after %s, the old pool's connections are gone within 5 s", async (_, editedAt) => {
    const before = `cd_old_${randomBytes(4).toString('hex')}`;
    const after = `cd_new_${randomBytes(4).toString('hex')}`;
    const ds = `ds-edit-${before}`;
    await inLanes(40, 8, () => plugin.run(tagged(before), { operation: 'system.info' }, ds, new Date('2026-01-01T00:00:00Z'), root));
    expect(await connections(before)).toBeGreaterThan(0);
    const edited = await plugin.run(tagged(after), { operation: 'system.info' }, ds, editedAt, root);
    expect(edited.status).toBe('ok');
    const started = Date.now();
    while ((await connections(before)) > 0 && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 50));
    expect(await connections(before)).toBe(0);
    expect(await connections(after)).toBeGreaterThan(0);
  });

  it("a new build of the plugin takes over in the process: the old build's pools are ended within 5 s", async () => {
    const oldTag = `cd_b1_${randomBytes(4).toString('hex')}`;
    const newTag = `cd_b2_${randomBytes(4).toString('hex')}`;
    await plugin.run(tagged(oldTag), { operation: 'system.info' }, 'ds-build', 'v1', root);
    expect(await connections(oldTag)).toBeGreaterThan(0);
    // The same data source, same updatedAt, through an upgraded plugin: a bundle whose build hash differs.
    const upgraded = await evaluatePlugin(nextBuild(), 3).run(tagged(newTag), { operation: 'system.info' }, 'ds-build', 'v1', root);
    expect(upgraded.status).toBe('ok');
    const started = Date.now();
    while ((await connections(oldTag)) > 0 && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 50));
    expect(await connections(oldTag)).toBe(0);
    expect(builds()).toHaveLength(1);
  });
});

describe('memory over many fresh evaluations', () => {
  it('heap after 10,000 fresh-evaluation queries is at most the heap after the first 1,000 + 50 MB', async () => {
    // Mostly a refusal (validated before any SQL) to keep the run short; every 50th call reads the database.
    const call = async (i: number) => {
      if (i % 50 === 0) return plugin.run(db.options, { operation: 'system.info' }, 'ds-heap', 'v1', root);
      return plugin.run(db.options, { operation: 'customers.get' }, 'ds-heap', 'v1', root).catch((e: unknown) => e);
    };
    await inLanes(1000, 4, call);
    await collectGarbage();
    const first = process.memoryUsage().heapUsed;
    await inLanes(9000, 4, (i) => call(i + 1000));
    await collectGarbage();
    const last = process.memoryUsage().heapUsed;
    console.log(`[tooljet.runtime] heap after 1,000 fresh evaluations ${(first / 2 ** 20).toFixed(1)} MB, after 10,000 ${(last / 2 ** 20).toFixed(1)} MB`);
    expect(last).toBeLessThanOrEqual(first + 50 * 2 ** 20);
  }, 300_000);
});

describe('versions of the plugin in one process', () => {
  it('the registry holds one implementation per build, and a new build replaces the old one', async () => {
    await plugin.run(db.options, { operation: 'system.info' }, 'ds-rt', 'v1', root);
    const [current] = builds();
    expect(builds()).toEqual([current]);
    const result = await evaluatePlugin(nextBuild(), 3).run(db.options, { operation: 'system.info' }, 'ds-rt', 'v1', root);
    expect(result.status).toBe('ok');
    expect(builds()).toEqual([`${current}-next`]);
    // And back: the real build takes over again, with a working pool of its own.
    expect((await plugin.run(db.options, { operation: 'system.info' }, 'ds-rt', 'v1', root)).status).toBe('ok');
    expect(builds()).toEqual([current]);
  });
});
