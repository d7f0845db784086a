// R-NOT-1 inside ToolJet: the bundle (dist/index.js, run `npm run build` first) has no worker, so run()
// sends a few pending events after each write, and never makes the query wait on a slow webhook.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundleDatabase, toolJetPlugin, type PluginService } from '../harness/bundle.js';
import { bundleText, evaluatePlugin } from '../harness/tooljet-loader.js';
import { collectGarbage } from './support/gc.js';
import { pgDb } from '../plugin/db/pg.js';

const secret = 'tooljet-test-secret';
const budgetMs = 300;

interface Received {
  id: string;
  event: string;
  payload: Record<string, unknown>;
  signatureOk: boolean;
}

let db: Awaited<ReturnType<typeof bundleDatabase>>;
let plugin: PluginService;
let server: Server;
let url: string;
let received: Received[];
let reply: (res: ServerResponse) => void;

beforeAll(async () => {
  plugin = toolJetPlugin();
  db = await bundleDatabase();
  server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const parsed = JSON.parse(body) as Omit<Received, 'signatureOk'>;
      const expected = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
      received.push({ id: parsed.id, event: parsed.event, payload: parsed.payload, signatureOk: req.headers['x-customerdesk-signature'] === expected });
      reply(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const options = { ...db.options };
  // The first call on an empty database makes its caller the administrator; two desk agents hand over to each other.
  await plugin.run(options, { operation: 'staff.upsert', name: '管理员', tooljetUserId: 'tj-admin', roles: '["admin"]' }, 'ds-notify', 't0');
  for (const [user, name] of [
    ['tj-a', '张丽'],
    ['tj-b', '刘芳'],
  ]) {
    await plugin.run(options, { operation: 'staff.upsert', name, tooljetUserId: user, roles: '["agent"]' }, 'ds-notify', 't0', { user: { id: 'tj-admin' } });
  }
}, 60_000);
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await db.stop();
});
beforeEach(() => {
  received = [];
  reply = (res) => res.writeHead(204).end();
});

const withWebhook = () => ({ ...db.options, webhook_url: url, webhook_secret: secret });
const staffId = async (user: string): Promise<number> => (await plugin.run(withWebhook(), { operation: 'system.info' }, 'ds-notify', 't0', { user: { id: user } })).data.actor.id;
const handover = async (from: string, to: string) => plugin.run(withWebhook(), { operation: 'shifts.handover', incomingId: String(await staffId(to)) }, 'ds-notify', 't0', { user: { id: from } });

async function until<T>(what: () => T | undefined | Promise<T | undefined>, ms = 5_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await what();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The outbox row of one handover's event, once it matches `state`. */
const outboxRow = (handoverId: number, state: (row: Record<string, unknown>) => boolean) =>
  until(async () => {
    const listed = await plugin.run(withWebhook(), { operation: 'notifications.list', event: 'shift.handover' }, 'ds-notify', 't0', {
      user: { id: 'tj-admin' },
    });
    const row = listed.data.items.find((n: { payload: { handoverId: number } }) => n.payload.handoverId === handoverId);
    return row && state(row) ? (row as Record<string, unknown>) : undefined;
  });

describe('R-NOT-1 run() flushes the outbox after a write (ToolJet bundle)', () => {
  it('R-NOT-1 the event of a write reaches the webhook, signed with HMAC-SHA256, without a worker', async () => {
    const result = await handover('tj-a', 'tj-b');
    const got = await until(() => received.find((r) => r.event === 'shift.handover' && r.payload.handoverId === result.data.id));
    expect(got.signatureOk).toBe(true);
    expect(got.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it(`R-NOT-1 a webhook slower than the ${budgetMs} ms budget does not hold up the query, and still gets the event once`, async () => {
    const held: ServerResponse[] = [];
    reply = (res) => void held.push(res);
    const started = Date.now();
    const result = await handover('tj-b', 'tj-a');
    const writeMs = Date.now() - started;
    await until(() => (held.length > 0 ? true : undefined));
    // The webhook answers nothing until released below; a flush that waited for it would take its 5 s timeout.
    expect(writeMs).toBeLessThan(4_000);
    for (const res of held) res.writeHead(204).end();
    // Answered within its timeout: delivered, so later writes do not send it again.
    await outboxRow(result.data.id, (r) => r.status === 'delivered');
    reply = (res) => res.writeHead(204).end();
    const next = await handover('tj-a', 'tj-b');
    await until(() => received.find((r) => r.payload.handoverId === next.data.id));
    expect(received.filter((r) => r.payload.handoverId === result.data.id)).toHaveLength(1);
  });

  it('R-NOT-1 with the webhook failing, the write still succeeds and its event waits in the outbox for a retry', async () => {
    reply = (res) => res.writeHead(503).end();
    const result = await handover('tj-b', 'tj-a');
    expect(result.status).toBe('ok');
    const row = await outboxRow(result.data.id, (r) => r.attempts === 1);
    expect(row).toMatchObject({ status: 'pending', lastError: 'HTTP 503' });
  });

  it('R-DUT-1 without a worker, a write also scans for time-based events: an old unacknowledged handover is announced', async () => {
    // A handover recorded an hour ago and never acknowledged, written straight into the data source's schema.
    const o = db.options;
    const direct = pgDb({
      connectionString: typeof o.connection_string === 'string' ? o.connection_string : undefined,
      host: String(o.host ?? ''),
      port: Number(o.port ?? 0),
      database: String(o.database ?? ''),
      user: String(o.username ?? ''),
      password: String(o.password ?? ''),
      schema: String(o.schema),
    });
    const [old] = await direct.transaction((tx) =>
      tx.query<{ id: number }>(
        `insert into handovers (site, outgoing_id, incoming_id, created_at, shift_hours, snapshot)
         select 'main', a.id, b.id, now() - interval '1 hour', 12, '{"ownTickets": [], "fallingDue": [], "loansOut": []}'
           from staff a, staff b where a.tooljet_user_id = 'tj-a' and b.tooljet_user_id = 'tj-b'
         returning id`,
      ),
    );
    await direct.close();
    // A data source of its own: its first write scans at once.
    await plugin.run(withWebhook(), { operation: 'shifts.list' }, 'ds-scan', 't0', { user: { id: 'tj-a' } });
    expect(received.some((r) => r.event === 'shift.handover_unacknowledged')).toBe(false);
    await plugin.run(withWebhook(), { operation: 'shifts.handover', incomingId: String(await staffId('tj-b')) }, 'ds-scan', 't0', { user: { id: 'tj-a' } });
    const got = await until(() => received.find((r) => r.event === 'shift.handover_unacknowledged' && r.payload.handoverId === old!.id));
    expect(got.signatureOk).toBe(true);
  });

  it('R-NOT-1 a flush still waiting on the webhook after the query returned pins no evaluation of the bundle', async () => {
    const held: ServerResponse[] = [];
    reply = (res) => void held.push(res);
    const contexts: WeakRef<object>[] = [];
    const incoming = String(await staffId('tj-b'));
    // One evaluation, as ToolJet makes per query; the watcher only keeps a weak reference to its context.
    const result = await evaluatePlugin(bundleText(), 3, (context) => contexts.push(new WeakRef(context))).run(
      withWebhook(),
      { operation: 'shifts.handover', incomingId: incoming },
      'ds-notify',
      't0',
      { user: { id: 'tj-a' } },
    );
    expect(result.status).toBe('ok');
    await until(() => (held.length > 0 ? true : undefined));
    // The webhook has the request and has not answered: the flush's timeout and promises are alive right now.
    await collectGarbage(5);
    expect(contexts).toHaveLength(1);
    expect(contexts[0]!.deref(), 'the evaluation context is still reachable').toBeUndefined();
    for (const res of held) res.writeHead(204).end();
  });
});
