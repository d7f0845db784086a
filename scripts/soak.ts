// Soak: a bounded mixed load, N concurrent clients registering customers, opening and reading tickets, lending
// archives, searching. By default through ToolJet's newest loader form, the bundle evaluated afresh for every call
// (scripts/soak-desks.ts; DATABASE_URL or an embedded PGlite); `--through service` soaks the local HTTP service (`customerdesk serve`).
// Passes when no call fails unexpectedly, the memory of the process holding the plugin levels off (through ToolJet:
// its heap after a full GC, which is what a leak grows — RSS rose and fell with garbage awaiting collection; the second
// half's median at most 1.5× the first half's, after a warm-up: a leak raises every sample, while the calls in flight
// when a sample is taken make single samples jump — in a 120 s run the heap sat at 26–27 MB with single samples of
// 67–131 MB throughout, 14:25 UTC) and, on PostgreSQL, the data source never holds more
// connections than its pool's maximum. Prints a JSON summary; exits 1 on failure.
//   npm run soak -- --seconds 60 --clients 32 [--through tooljet|service]
import { parseArgs } from 'node:util';
import type { Reply } from '../harness/service.js';
import { serviceDesk, toolJetDesk } from './soak-desks.js';
import { summarize } from '../bench/stats.js';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '60' }, clients: { type: 'string', default: '32' }, through: { type: 'string', default: 'tooljet' } },
});
const seconds = Number(values.seconds);
const clients = Number(values.clients);
if (values.through !== 'tooljet' && values.through !== 'service') throw new Error('--through is tooljet or service');
/** pg.Pool's `max` for a data source (plugin/db/pg.ts). */
const poolMax = 10;

const desk = values.through === 'tooljet' ? await toolJetDesk() : await serviceDesk();
const calls: Record<string, number> = {};
const failures: { op: string; status: number; body: unknown }[] = [];
const latencies: number[] = [];
const memory: { at: number; mb: number }[] = [];
const connections: number[] = [];

try {
  const started = Date.now();
  const deadline = started + seconds * 1000;

  const op = async (name: string, body: Record<string, unknown>, as = desk.admin): Promise<Reply> => {
    const t0 = performance.now();
    const r = await as(name, body);
    latencies.push(performance.now() - t0);
    calls[name] = (calls[name] ?? 0) + 1;
    if (r.status !== 200) failures.push({ op: name, status: r.status, body: r.body });
    return r;
  };

  // Each client works on its own customer and archive, so every call has one right answer: success.
  const client = async (n: number) => {
    const customer = await op('customers.create', { unit: `${(n % 30) + 1}F-${9000 + n}`, name: `压测客户 ${n}` });
    for (let i = 0; Date.now() < deadline; i++) {
      const ticket = await op('tickets.open', {
        kind: i % 2 ? 'repair' : 'inquiry',
        channel: 'phone',
        matter: `压测 ${n}-${i}`,
        unit: `${(n % 30) + 1}F-${9000 + n}`,
        idempotencyKey: `soak-${n}-${i}`,
      });
      if (ticket.status === 200) await op('tickets.get', { id: ticket.body.id });
      await op('customers.search', { q: `${(n % 30) + 1}F`, limit: 20 });
      await op('tickets.search', { limit: 20 });
      if (customer.status === 200 && i % 3 === 0) {
        const loan = await op('loans.request', { archiveId: customer.body.archiveId, purpose: `压测 ${i}` });
        if (loan.status === 200) {
          await op('loans.approve', { id: loan.body.id }, desk.manager);
          await op('loans.issue', { id: loan.body.id, pages: 0 });
          await op('loans.return', { id: loan.body.id, pagesReturned: 0 });
        }
      }
      if (i % 5 === 0) await op('system.info', {});
    }
  };

  const sampler = setInterval(() => {
    memory.push({ at: (Date.now() - started) / 1000, mb: desk.memoryMb() });
    void desk.connections?.().then((n) => connections.push(n));
  }, 1000);
  await Promise.all(Array.from({ length: clients }, (_, n) => client(n)));
  clearInterval(sampler);
} finally {
  await desk.stop();
}

const warm = memory.filter((m) => m.at >= Math.min(10, seconds / 4));
const half = Math.floor(warm.length / 2);
const peak = (xs: { mb: number }[]) => Math.max(0, ...xs.map((m) => m.mb));
const [first, second] = [warm.slice(0, half), warm.slice(half)];
const median = (xs: { mb: number }[]) => (xs.length === 0 ? 0 : summarize(xs.map((m) => m.mb)).p50);
const [firstMedian, secondMedian] = [median(first), median(second)];
const sorted = [...latencies].sort((a, b) => a - b);
const total = latencies.length;
const summary = {
  seconds,
  clients,
  calls: total,
  perSecond: Math.round(total / seconds),
  byOperation: calls,
  unexpectedErrors: failures.length,
  firstErrors: failures.slice(0, 5),
  latencyMs: { p50: Math.round(sorted[Math.floor(total * 0.5)] ?? 0), p95: Math.round(sorted[Math.floor(total * 0.95)] ?? 0), max: Math.round(sorted[total - 1] ?? 0) },
  memoryMb: {
    measure: desk.memoryMeasure,
    firstHalfMedian: Math.round(firstMedian),
    secondHalfMedian: Math.round(secondMedian),
    firstHalfPeak: Math.round(peak(first)),
    secondHalfPeak: Math.round(peak(second)),
    samples: memory.length,
  },
  through: values.through,
  ...(connections.length > 0 ? { connections: { max: Math.max(...connections), poolMax, samples: connections.length } } : {}),
};
console.log(JSON.stringify(summary, null, 2));
const memoryStable = firstMedian === 0 || secondMedian <= firstMedian * 1.5;
const connectionsBounded = connections.every((n) => n <= poolMax);
if (failures.length > 0 || !memoryStable || !connectionsBounded) {
  const why = [
    `${failures.length} unexpected errors`,
    ...(memoryStable ? [] : [`memory grew from ${firstMedian.toFixed(0)} MB to ${secondMedian.toFixed(0)} MB (median of each half)`]),
    ...(connectionsBounded ? [] : [`${Math.max(...connections)} connections (pool max ${poolMax})`]),
  ];
  console.error(`soak failed: ${why.join(', ')}`);
  process.exit(1);
}
process.exit(0);
