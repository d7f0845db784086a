// The benchmarked operations: for each, who calls it and the STRING inputs ToolJet would send for call k.
// Samples (units, names, phones, ids) are drawn deterministically from the generated data.
import { BenchError } from './fail.js';
import type pg from 'pg';
import { DateTime } from 'luxon';
import { STAFF, tooljetUser, ZONE, type Generated } from './generate.js';
import { INTAKE_MATTER } from './restore.js';

export type Inputs = Record<string, string>;

export interface BenchOp {
  /** Display name: operation plus the variant, e.g. `customers.search[name]`. */
  label: string;
  operation: string;
  kind: 'read' | 'write';
  /** point/search reads whose time must not grow with the table (growth check), or a report. */
  shape: 'point' | 'search' | 'report' | 'write';
  user: string;
  /** Inputs for call k of an arm (arm 0 = plugin, 1 = raw); writes must never share an input across arms. */
  input(k: number, arm: 0 | 1): Inputs;
  /**
   * Inputs k and k + period differ only in text: the same unit and kind. The raw intake burst replays one recorded
   * call per input of a period, in turn, so its calls meet each other's unit locks as the plugin's calls do.
   */
  period?: number;
  /** Prepares `n` inputs per arm before measuring (e.g. approved loans ready to issue). */
  prepare?(pool: pg.Pool, n: number): Promise<void>;
}

interface Sample {
  id: number;
  unit: string;
  name: string;
  phone: string;
  floor: number;
}

export async function buildOps(pool: pg.Pool, g: Generated, available: Set<string>): Promise<BenchOp[]> {
  const site = g.site;
  const agent = tooljetUser(site, STAFF.agents[0]!);
  const supervisor = tooljetUser(site, STAFF.supervisors[0]!);
  const manager = tooljetUser(site, STAFF.managers[0]!);
  const worker = tooljetUser(site, STAFF.workers[0]!);
  // 64 customers spread over the whole id range (active ones), and 64 tickets spread over the whole year.
  const customers = (
    await pool.query<Sample>(
      `select id::int, unit, name, phones[1] as phone, floor from customers
        where site = $1 and status = 'active' and id in (select $2::bigint + (k * $3::bigint) from generate_series(0, 63) k)
        order by id`,
      [site, g.customerBase, Math.max(1, Math.floor((g.activeUnits - 1) / 64))],
    )
  ).rows;
  const tickets = (
    await pool.query<{ id: number; number: string; unit: string | null }>(
      `select id::int, number, unit from tickets where site = $1 and id in (select $2::bigint + (k * $3::bigint) from generate_series(0, 63) k) order by id`,
      [site, g.ticketBase, Math.max(1, Math.floor((g.shape.tickets - 1) / 64))],
    )
  ).rows;
  const units = tickets.map((t) => t.unit).filter((u): u is string => u !== null);
  const at = <T>(list: readonly T[], k: number): T => list[k % list.length]!;
  const lastMonth = DateTime.now().setZone(ZONE).minus({ months: 1 }).toFormat('yyyy-MM');
  // A name's first word ('Qianhai') or first two characters ('前海'): 42–61 customers of 1,000 at 10k, so a page
  // of 20 (+1) is full at every scale and the growth row compares the same work (two words matched ~6 at 10k).
  const namePrefix = (name: string): string => (/^[A-Za-z]/.test(name) ? name.split(' ')[0]! : [...name].slice(0, 2).join(''));

  const loanPool: number[] = [];
  const ops: BenchOp[] = [
    { label: 'system.info', operation: 'system.info', kind: 'read', shape: 'point', user: agent, input: () => ({}) },
    { label: 'customers.get', operation: 'customers.get', kind: 'read', shape: 'point', user: agent, input: (k) => ({ id: String(at(customers, k).id) }) },
    { label: 'customers.search[unit]', operation: 'customers.search', kind: 'read', shape: 'search', user: agent, input: (k) => ({ unit: at(customers, k).unit }) },
    { label: 'customers.search[name]', operation: 'customers.search', kind: 'read', shape: 'search', user: agent, input: (k) => ({ name: namePrefix(at(customers, k).name), limit: '20' }) },
    { label: 'customers.search[phone]', operation: 'customers.search', kind: 'read', shape: 'search', user: agent, input: (k) => ({ phone: at(customers, k).phone }) },
    // A page of 10 (+1): a floor holds 13–20 customers at 10k (16:45 UTC), so the page is full at every scale and the
    // growth row compares the same work (a page of 50 held 13–20 rows at 10k and 51 at 1M: ×1.27–1.34 in 3 of 8 runs).
    { label: 'customers.search[floor]', operation: 'customers.search', kind: 'read', shape: 'search', user: agent, input: (k) => ({ floor: String(at(customers, k).floor), limit: '10' }) },
    // q = a whole unit, what a desk types most, takes the unit index; q = a word of a name, the trigram index.
    { label: 'customers.search[q]', operation: 'customers.search', kind: 'read', shape: 'search', user: agent, input: (k) => ({ q: at(customers, k).unit }) },
    { label: 'customers.search[q=name]', operation: 'customers.search', kind: 'read', shape: 'search', user: agent, input: (k) => ({ q: namePrefix(at(customers, k).name), limit: '20' }) },
    { label: 'tickets.get', operation: 'tickets.get', kind: 'read', shape: 'point', user: agent, input: (k) => ({ id: String(at(tickets, k).id) }) },
    { label: 'tickets.search[recent]', operation: 'tickets.search', kind: 'read', shape: 'search', user: agent, input: () => ({ limit: '50' }) },
    { label: 'tickets.search[unit]', operation: 'tickets.search', kind: 'read', shape: 'search', user: agent, input: (k) => ({ unit: at(units, k), limit: '50' }) },
    { label: 'tickets.search[state+kind]', operation: 'tickets.search', kind: 'read', shape: 'search', user: agent, input: () => ({ state: 'in_progress', kind: 'repair', limit: '50' }) },
    { label: 'tickets.search[q=number]', operation: 'tickets.search', kind: 'read', shape: 'search', user: agent, input: (k) => ({ q: at(tickets, k).number, limit: '50' }) },
    { label: 'tickets.myQueue', operation: 'tickets.myQueue', kind: 'read', shape: 'search', user: worker, input: () => ({ limit: '50' }) },
    { label: 'tickets.dueSoon', operation: 'tickets.dueSoon', kind: 'read', shape: 'search', user: agent, input: () => ({ withinHours: '4', mine: 'false' }) },
    {
      label: 'tickets.open',
      operation: 'tickets.open',
      kind: 'write',
      shape: 'write',
      user: agent,
      period: lcm(units.length, 4),
      input: (k) => ({
        kind: k % 4 === 0 ? 'complaint' : 'repair',
        channel: 'phone',
        matter: `${INTAKE_MATTER} ${k}`,
        content: 'Air conditioning in the meeting room is not cooling.',
        unit: at(units, k),
        complainantName: 'Bench Caller',
        complainantPhone: '13800000000',
      }),
    },
    {
      label: 'loans.issue',
      operation: 'loans.issue',
      kind: 'write',
      shape: 'write',
      user: supervisor,
      input: (k, arm) => ({ id: String(loanPool[2 * k + arm] ?? 0) }),
      async prepare(p, n) {
        // Fresh approved requests on archives that were never lent (the generator keeps the second half free);
        // two per call index, one for each arm.
        const res = await p.query<{ id: number }>(
          `insert into loans (site, archive_id, borrower_id, purpose, place, state, requested_at, approved_by, approved_at, last_event_at, created_at, updated_at)
           select $1, a.id, $2::bigint, 'bench', 'in_office', 'approved', now() - interval '2 hours', $3::bigint, now() - interval '1 hour', now() - interval '1 hour', now(), now()
             from archives a
            where a.site = $1 and a.id >= $4::bigint
              and not exists (select 1 from loans l where l.site = a.site and l.archive_id = a.id and l.state in ('approved', 'issued'))
            order by a.id limit $5
           returning id::int`,
          [site, g.staffBase + STAFF.agents[1]! - 1, g.staffBase + STAFF.managers[0]! - 1, g.archiveBase + Math.floor(g.shape.customers / 2), 2 * n],
        );
        if (res.rows.length < 2 * n) throw new BenchError(`loans.issue needs ${2 * n} never-lent archives, the data set has ${res.rows.length}; lower --iterations`);
        loanPool.length = 0;
        loanPool.push(...res.rows.map((r) => r.id));
      },
    },
    { label: 'reports.monthly', operation: 'reports.monthly', kind: 'read', shape: 'report', user: manager, input: () => ({ month: lastMonth }) },
  ];
  return ops.filter((o) => available.has(o.operation));
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const lcm = (a: number, b: number): number => (a / gcd(a, b)) * b;
