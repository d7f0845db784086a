// §7 concurrency on real PostgreSQL: many connections racing for one unit, one ticket counter, one archive,
// one ticket row and one idempotency key. PGlite has a single connection, so every race there is
// sequential and proves nothing: these run only with DATABASE_URL.
// (50 concurrent issues of one archive: test/loans.concurrency.test.ts; 200 concurrent intakes on one
// day: test/tickets.numbering.test.ts. Here the races are mixed with failures and with each other.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onRealPostgres, testDb, type TestDb } from './support/db.js';
import { seedCast, type Cast } from './support/staff.js';
import { brokenInvariants } from './support/invariants.js';

let t: TestDb;
let cast: Cast;
let rowsChecked = 0;

const codes = (results: PromiseSettledResult<unknown>[]) => results.map((r) => (r.status === 'fulfilled' ? 'OK' : String((r.reason as { code?: string }).code)));
const tally = (xs: string[]) => xs.reduce<Record<string, number>>((m, x) => ((m[x] = (m[x] ?? 0) + 1), m), {});
const count = async (text: string, params: unknown[] = []) => {
  const [row] = await t.sql<{ n: number }>(`select count(*)::int as n from (${text}) q`, params);
  rowsChecked += row?.n ?? 0;
  return row?.n ?? 0;
};

describe.skipIf(!onRealPostgres)('§7 concurrency on real PostgreSQL', () => {
  beforeAll(async () => {
    t = await testDb();
    cast = await seedCast(t);
    t.setNow('2026-10-12T10:00:00+08:00');
  }, 120_000);
  afterAll(async () => {
    console.log(`[reliability.concurrency] ${rowsChecked} rows checked after the races`);
    await t?.close();
  });

  it('R-CUS-1 eight units, eight racing creates each: one active customer per unit, the rest CONFLICT', async () => {
    const units = Array.from({ length: 8 }, (_, i) => `18F-18${String(i).padStart(2, '0')}`);
    const calls = units.flatMap((unit) => Array.from({ length: 8 }, (_, j) => t.as(j % 2 ? cast.agent : cast.agent2)('customers.create', { unit, name: `争用 Race ${j}` })));
    const outcome = tally(codes(await Promise.allSettled(calls)));
    expect(outcome).toEqual({ OK: 8, CONFLICT: 56 });
    expect(await count(`select 1 from customers where unit = any($1) and status = 'active'`, [units])).toBe(8);
    expect(await count(`select 1 from archives a join customers c on c.site = a.site and c.id = a.customer_id where c.unit = any($1)`, [units])).toBe(8);
    expect(await brokenInvariants(t.sql, t.db.schema)).toEqual([]);
  });

  it('R-TIC-2 120 racing intakes, every third refused: the accepted ones are numbered 001… with no gap and no repeat', async () => {
    const calls = Array.from({ length: 120 }, (_, i) =>
      t.as(i % 2 ? cast.agent : cast.supervisor)('tickets.open', {
        kind: 'complaint',
        channel: 'phone',
        matter: `并发 ${i}`,
        // A conduct complaint about a staff member who does not exist is refused inside the transaction.
        ...(i % 3 === 2 ? { targetStaffId: 99_999_999, conduct: { account: '经过 account' } } : {}),
      }),
    );
    const results = await Promise.allSettled(calls);
    expect(tally(codes(results))).toEqual({ OK: 80, VALIDATION: 40 });
    const numbers = results.flatMap((r) => (r.status === 'fulfilled' ? [Number(String((r.value as { number: string }).number).slice(6))] : [])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    expect(await count(`select 1 from tickets`)).toBe(80);
    expect(await brokenInvariants(t.sql, t.db.schema)).toEqual([]);
  });

  it('R-LEN-4 returns racing issues for one archive: never two loans out at once, every issue accounted for', async () => {
    const c = await t.as(cast.agent)('customers.create', { unit: '19F-1901', name: '借阅争用 Loans' });
    const approved: number[] = [];
    for (let i = 0; i < 12; i++) {
      const loan = await t.as(cast.agent)('loans.request', { archiveId: c.archiveId, purpose: `查阅 ${i}` });
      await t.as(cast.manager)('loans.approve', { id: loan.id });
      approved.push(loan.id);
    }
    let out: number | undefined;
    let issued = 0;
    for (let round = 0; round < 4; round++) {
      const waiting = approved.filter((id) => id !== out);
      const results = await Promise.allSettled([
        ...(out ? [t.as(cast.supervisor)('loans.return', { id: out, pagesReturned: 0 })] : []),
        ...waiting.map((id) => t.as(cast.supervisor)('loans.issue', { id })),
      ]);
      const won = waiting.filter((_, i) => results[i + (out ? 1 : 0)]!.status === 'fulfilled');
      expect(won.length, `round ${round}: ${JSON.stringify(tally(codes(results)))}`).toBeLessThanOrEqual(1);
      expect(await count(`select 1 from loans where archive_id = $1 and state = 'issued'`, [c.archiveId])).toBeLessThanOrEqual(1);
      issued += won.length;
      // The archive is out again only if the return won its race before an issue.
      const [now] = await t.sql<{ id: number }>(`select id from loans where archive_id = $1 and state = 'issued'`, [c.archiveId]);
      out = now?.id;
      approved.splice(0, approved.length, ...approved.filter((id) => !won.includes(id)));
    }
    expect(issued).toBeGreaterThanOrEqual(1);
    expect(await count(`select 1 from loans where archive_id = $1 and state in ('issued', 'returned')`, [c.archiveId])).toBe(issued);
    expect(await brokenInvariants(t.sql, t.db.schema)).toEqual([]);
  });

  it('R-TIC-12 ten writes with the same stale version: one wins, nine get CONFLICT; without a version none is lost', async () => {
    const ticket = await t.as(cast.agent)('tickets.open', { kind: 'repair', channel: 'phone', matter: '版本 version' });
    const v = ticket.version as number;
    const stale = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => t.as(cast.supervisor)('tickets.markImportant', { id: ticket.id, expectedVersion: v, important: i % 2 === 0 })));
    expect(tally(codes(stale))).toEqual({ OK: 1, CONFLICT: 9 });
    const unversioned = await Promise.allSettled(Array.from({ length: 10 }, () => t.as(cast.supervisor)('tickets.markImportant', { id: ticket.id, important: true })));
    expect(tally(codes(unversioned))).toEqual({ OK: 10 });
    const after = await t.as(cast.supervisor)('tickets.get', { id: ticket.id });
    expect(after.version).toBe(v + 11);
    expect(await count(`select 1 from ticket_events where ticket_id = $1 and operation = 'markImportant'`, [ticket.id])).toBe(11);
  });

  it('§7 twenty racing retries with one idempotency key: one customer, one ticket, every caller gets the first result', async () => {
    const key = `click-${Date.now()}`;
    const customers = await Promise.all(Array.from({ length: 20 }, () => t.as(cast.agent)('customers.create', { unit: '21F-2101', name: '幂等 Once', idempotencyKey: key })));
    expect(new Set(customers.map((c) => c.id)).size).toBe(1);
    for (const c of customers) expect(c).toEqual(customers[0]);
    expect(await count(`select 1 from customers where unit = '21F-2101'`)).toBe(1);
    const tickets = await Promise.all(Array.from({ length: 20 }, () => t.as(cast.agent)('tickets.open', { kind: 'inquiry', channel: 'visit', matter: '幂等 once', idempotencyKey: key })));
    expect(new Set(tickets.map((x) => x.number)).size).toBe(1);
    expect(await count(`select 1 from tickets where matter = '幂等 once'`)).toBe(1);
    expect(await brokenInvariants(t.sql, t.db.schema)).toEqual([]);
  });
});
