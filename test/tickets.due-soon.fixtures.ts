// Seeding and reading for the tickets.dueSoon plan tests (R-TIC-5): many tickets in one transaction, and the
// page's statement explained as it ran.
import { expect } from 'vitest';
import type { TestDb } from './support/db.js';
import { useDesk, type Desk } from './support/desk.js';
import { execute } from '../plugin/core/runner.js';
import { explain, recording, type PlanNode } from './support/plans.js';

/**
 * A desk of its own (useDesk) at 2026-10-09 10:00 +08 with `rows` tickets and their clocks (seedTickets). Its
 * handles are set when the file's tests run.
 */
export function useTicketDesk(rows: number, openedAt: string, clocks: string): Partial<Desk> {
  const desk: Partial<Desk> = {};
  useDesk(async ({ t, cast }) => {
    Object.assign(desk, { t, cast });
    t.setNow('2026-10-09T10:00:00+08:00');
    await seedTickets(t, cast.agent, rows, openedAt, clocks);
  });
  return desk;
}

/**
 * `rows` repair tickets of `owner`, ticket g opened at `openedAt` (an SQL expression of g), then `clocks` (an
 * insert into ticket_clocks selecting from tickets t), then analyze.
 */
async function seedTickets(t: TestDb, owner: number, rows: number, openedAt: string, clocks: string): Promise<void> {
  await t.db.transaction(async (tx) => {
    // session_replication_role = replica skips the foreign-key triggers: the owner and tickets exist by construction.
    await tx.exec('set local statement_timeout = 0; set local session_replication_role = replica');
    await tx.query(
      `insert into tickets (number, year, kind, channel, unit, matter, first_owner_id, opened_at)
       select '26' || lpad(g::text, 7, '0'), 2026, 'repair', 'phone', (2 + g % 29) || 'F-' || (1000 + g % 5000), 'matter ' || g, $2::bigint,
              ${openedAt}
         from generate_series(1, $1::int) g`,
      [rows, owner],
    );
    await tx.query(clocks);
  });
  await t.db.transaction((tx) => tx.exec('set local statement_timeout = 0; analyze tickets; analyze ticket_clocks'));
}

/** tickets.dueSoon (4 hours ahead) as the desk's agent: the page, soonest first, and the plan of its statement. */
export async function dueSoonPage({ t, cast }: Partial<Desk>): Promise<{ due: { id: number; dueAt: string }[]; plan: PlanNode; text: string }> {
  if (!t || !cast) throw new Error('dueSoonPage runs in a test, after useTicketDesk has seeded the desk');
  const staffId = cast.agent;
  const noted = recording(t.db);
  const due = await execute<{ id: number; dueAt: string }[]>({ ...t.env, db: noted.db }, 'tickets.dueSoon', { withinHours: 4 }, { kind: 'staff', staffId });
  const times = due.map((d) => new Date(d.dueAt).getTime());
  expect(times).toEqual([...times].sort((a, b) => a - b));
  const [statement] = noted.statements.filter((s) => /from ticket_clocks c\b/.test(s.text));
  const plan = await explain(t.sql, statement!, ['buffers']);
  return { due, plan, text: JSON.stringify(plan) };
}
