// Soak: a bounded mixed load on the local service (`customerdesk serve` on an embedded data directory):
// N concurrent clients registering customers, opening and reading tickets, lending archives, searching.
// Passes when no call fails unexpectedly and the service's memory levels off (second half of the run
// peaks at most 1.5× the first half, after a warm-up). Prints a JSON summary; exits 1 on failure.
//   npm run soak -- --seconds 60 --clients 32
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { call, startService, type Reply } from '../test/support/service.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, clients: { type: 'string', default: '32' } } });
const seconds = Number(values.seconds);
const clients = Number(values.clients);

const rssOf = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

const dataDir = mkdtempSync(join(tmpdir(), 'customerdesk-soak-'));
const service = await startService({ dataDir, env: { DATABASE_URL: undefined } });
const calls: Record<string, number> = {};
const failures: { op: string; status: number; body: unknown }[] = [];
const latencies: number[] = [];
const memory: { at: number; mb: number }[] = [];

try {
  const admin = await call(service.base, 'staff.upsert', { name: '压测 Soak', roles: ['admin', 'agent', 'supervisor'], issueApiKey: true });
  if (admin.status !== 200) throw new Error(`bootstrap failed: ${JSON.stringify(admin.body)}`);
  const key = admin.body.apiKey as string;
  // Nobody approves their own loan request (R-LEN-2): a manager of their own.
  const manager = await call(service.base, 'staff.upsert', { name: '压测经理 Manager', roles: ['manager'], issueApiKey: true }, key);
  if (manager.status !== 200) throw new Error(`manager failed: ${JSON.stringify(manager.body)}`);
  const managerKey = manager.body.apiKey as string;
  const started = Date.now();
  const deadline = started + seconds * 1000;

  const op = async (name: string, body: Record<string, unknown>, as = key): Promise<Reply> => {
    const t0 = performance.now();
    const r = await call(service.base, name, body, as);
    latencies.push(performance.now() - t0);
    calls[name] = (calls[name] ?? 0) + 1;
    if (r.status !== 200) failures.push({ op: name, status: r.status, body: r.body });
    return r;
  };

  // Each client works on its own customer and archive, so every call has one right answer: success.
  const client = async (n: number) => {
    const customer = await op('customers.create', { unit: `${(n % 30) + 1}F-${9000 + n}`, name: `压测客户 ${n}` });
    for (let i = 0; Date.now() < deadline; i++) {
      const ticket = await op('tickets.open', { kind: i % 2 ? 'repair' : 'inquiry', channel: 'phone', matter: `压测 ${n}-${i}`, unit: `${(n % 30) + 1}F-${9000 + n}`, idempotencyKey: `soak-${n}-${i}` });
      if (ticket.status === 200) await op('tickets.get', { id: ticket.body.id });
      await op('customers.search', { q: `${(n % 30) + 1}F`, limit: 20 });
      await op('tickets.search', { limit: 20 });
      if (customer.status === 200 && i % 3 === 0) {
        const loan = await op('loans.request', { archiveId: customer.body.archiveId, purpose: `压测 ${i}` });
        if (loan.status === 200) {
          await op('loans.approve', { id: loan.body.id }, managerKey);
          await op('loans.issue', { id: loan.body.id, pages: 0 });
          await op('loans.return', { id: loan.body.id, pagesReturned: 0 });
        }
      }
      if (i % 5 === 0) await op('system.info', {});
    }
  };

  const sampler = setInterval(() => memory.push({ at: (Date.now() - started) / 1000, mb: rssOf(service.child.pid!) }), 1000);
  await Promise.all(Array.from({ length: clients }, (_, n) => client(n)));
  clearInterval(sampler);
} finally {
  await service.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

const warm = memory.filter((m) => m.at >= Math.min(10, seconds / 4));
const half = Math.floor(warm.length / 2);
const peak = (xs: { mb: number }[]) => Math.max(0, ...xs.map((m) => m.mb));
const firstPeak = peak(warm.slice(0, half));
const secondPeak = peak(warm.slice(half));
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
  rssMb: { firstHalfPeak: Math.round(firstPeak), secondHalfPeak: Math.round(secondPeak), samples: memory.length },
};
console.log(JSON.stringify(summary, null, 2));
const memoryStable = firstPeak === 0 || secondPeak <= firstPeak * 1.5;
if (failures.length > 0 || !memoryStable) {
  console.error(`soak failed: ${failures.length} unexpected errors${memoryStable ? '' : `, memory grew from ${firstPeak.toFixed(0)} MB to ${secondPeak.toFixed(0)} MB`}`);
  process.exit(1);
}
