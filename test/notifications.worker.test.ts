// R-NOT-1 outside ToolJet: `npm run worker` (`customerdesk worker`) as a process of its own,
// and the local service's background loop, each deliver the outbox continuously until stopped.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../plugin/db/types.js';
import { pgDb } from '../plugin/db/pg.js';
import { pgliteDb } from '../plugin/db/pglite.js';
import { ensureMigrated } from '../plugin/db/ready.js';
import { silentLogger } from '../plugin/core/logger.js';
import { startBackground } from '../plugin/server/background.js';
import { runWorker } from '../plugin/areas/notifications/worker.js';
import { webhookFromEnv } from '../plugin/areas/notifications/webhook-env.js';
import { testDb } from './support/db.js';

const secret = 'worker-test-secret';
let server: Server;
let url: string;
const received: { id: string; signatureOk: boolean }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const expected = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
      received.push({ id: (JSON.parse(body) as { id: string }).id, signatureOk: req.headers['x-customerdesk-signature'] === expected });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function queueEvent(db: Db): Promise<string> {
  const [row] = await db.transaction((tx) => tx.query<{ eventId: string }>(`insert into outbox (site, event, payload) values ('main', 'test.event', '{}') returning event_id as "eventId"`));
  return row!.eventId;
}

async function until(done: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('R-NOT-1 continuous delivery', () => {
  it('R-NOT-1 `npm run worker` delivers a queued event, signed, and exits cleanly when stopped', async () => {
    // The worker opens the database itself: a schema of its own on PostgreSQL, or a PGlite data directory.
    const dir = mkdtempSync(join(tmpdir(), 'cd-worker-'));
    const schema = `w_${randomBytes(5).toString('hex')}`;
    const dbUrl = process.env.DATABASE_URL;
    const open = () => (dbUrl ? pgDb({ connectionString: dbUrl, schema }) : pgliteDb({ dataDir: join(dir, 'pglite'), schema }));
    let db = await open();
    await ensureMigrated(db);
    const eventId = await queueEvent(db);
    // PGlite allows one process per data directory: hand it over to the worker.
    if (!dbUrl) await db.close();
    const child = spawn(process.execPath, ['dist/cli/main.js', 'worker', '--data-dir', dir, '--schema', schema, '--interval', '1'], {
      env: { ...process.env, CUSTOMERDESK_WEBHOOK_URL: url, CUSTOMERDESK_WEBHOOK_SECRET: secret },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await until(() => received.some((r) => r.id === eventId), 60_000);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited, output).toBe(0);
    expect(output).toContain('notification worker stopped');
    expect(output).not.toContain(secret);
    expect(received.filter((r) => r.id === eventId)).toEqual([{ id: eventId, signatureOk: true }]);
    if (!dbUrl) db = await open();
    const [row] = await db.transaction((tx) => tx.query<{ status: string }>(`select status from outbox where event_id = $1::uuid`, [eventId]));
    expect(row?.status).toBe('delivered');
    if (dbUrl) await db.transaction((tx) => tx.exec(`drop schema ${schema} cascade`));
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }, 90_000);

  it('R-NOT-1 the local service runs the worker in the background and stops it on shutdown', async () => {
    const t = await testDb();
    const saved = { ...process.env };
    Object.assign(process.env, { CUSTOMERDESK_WEBHOOK_URL: url, CUSTOMERDESK_WEBHOOK_SECRET: secret });
    try {
      const eventId = await queueEvent(t.db);
      const stop = startBackground(t.env, silentLogger);
      await until(() => received.some((r) => r.id === eventId), 20_000);
      await stop();
      // Stopped: a new event stays in the outbox.
      const later = await queueEvent(t.db);
      await new Promise((r) => setTimeout(r, 200));
      expect(received.some((r) => r.id === later)).toBe(false);
    } finally {
      process.env = saved;
      await t.close();
    }
  });

  it('R-NOT-1 a backlog (webhook back after an outage) drains at once, not one round per interval', async () => {
    const t = await testDb();
    try {
      await t.sql(`insert into outbox (site, event, payload) select 'main', 'test.backlog', jsonb_build_object('n', g) from generate_series(1, 150) g`);
      const before = received.length;
      const stop = new AbortController();
      // With an hour between rounds, only back-to-back rounds deliver 150 events (100 a round) within the test.
      // A long request timeout: PGlite shares this process's event loop with the receiver.
      const webhook = { url, secret, timeoutMs: 30_000 };
      const worker = runWorker({ db: t.db, site: 'main', zone: 'Asia/Shanghai', webhook, intervalMs: 3_600_000, signal: stop.signal });
      await until(() => received.length - before >= 150, 100_000);
      stop.abort();
      await worker;
      expect(new Set(received.slice(before).map((r) => r.id)).size).toBe(150);
    } finally {
      await t.close();
    }
  }, 150_000);

  it('R-NOT-1 the webhook comes from the environment: none means events wait; a bad URL is refused at start', () => {
    expect(webhookFromEnv({})).toBeUndefined();
    expect(webhookFromEnv({ CUSTOMERDESK_WEBHOOK_URL: 'https://hooks.example/desk', CUSTOMERDESK_WEBHOOK_SECRET: 'k' })).toEqual({
      url: 'https://hooks.example/desk',
      secret: 'k',
    });
    expect(() => webhookFromEnv({ CUSTOMERDESK_WEBHOOK_URL: 'not a url' })).toThrow(/not a URL/);
    expect(() => webhookFromEnv({ CUSTOMERDESK_WEBHOOK_URL: 'file:///etc/passwd' })).toThrow(/http or https/);
  });
});
