import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useTicketDesk, type Ids } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { expectError } from './support/errors.js';
import { ticketIn, type Step } from './tickets.fixtures.js';
import { allowedNext, isAllowed, PREVIOUS, ticketActions, ticketStates, type TicketAction } from '../plugin/areas/tickets/model.js';

let t: TestDb;
let cast: Cast;
let ids: Ids;
const deadline = '2026-09-25T17:30';
useTicketDesk((d) => {
  ({ t, cast, ids } = d);
  t.setNow('2026-09-14T09:00:00+08:00');
});

/** Who performs each action, with what input, and any step needed first so only the state decides. */
function call(action: TicketAction): { prepare: Step[]; step: Step } {
  const c = cast;
  const steps: Record<TicketAction, Step> = {
    acknowledge: [c.agent, 'tickets.acknowledge', {}],
    classify: [c.supervisor, 'tickets.classify', { category: 'other', severity: 'normal' }],
    assign: [c.supervisor, 'tickets.assign', { departmentId: ids.engineering, assigneeId: c.engineer, deadline }],
    requestTransfer: [c.supervisor, 'tickets.requestTransfer', { toDepartmentId: ids.security, reason: '转保安部' }],
    approveTransfer: [c.director, 'tickets.approveTransfer', {}],
    acceptTransfer: [c.securityHead, 'tickets.acceptTransfer', {}],
    escalate: [c.supervisor, 'tickets.escalate', {}],
    extend: [c.director, 'tickets.extend', { days: 7 }],
    start: [c.engineer, 'tickets.start', {}],
    waitCustomer: [c.engineer, 'tickets.waitCustomer', { note: '等业主' }],
    resume: [c.engineer, 'tickets.resume', {}],
    resolve: [c.engineer, 'tickets.resolve', { cause: 'c', action: 'a', result: 'r' }],
    signOff: [c.engineeringHead, 'tickets.signOff', {}],
    reply: [c.agent, 'tickets.reply', { replyText: '已答复' }],
    recordCallback: [c.agent, 'tickets.recordCallback', { outcome: 'satisfied' }],
    close: [c.agent, 'tickets.close', {}],
    reopen: [c.manager, 'tickets.reopen', { reason: '复查' }],
    flagMalicious: [c.supervisor, 'tickets.flagMalicious', { reason: '恶意' }],
    markImportant: [c.supervisor, 'tickets.markImportant', {}],
    recordFinding: [c.manager, 'tickets.recordFinding', { finding: 'not_upheld' }],
  };
  const prepare: Partial<Record<TicketAction, Step[]>> = {
    acceptTransfer: [[c.director, 'tickets.approveTransfer', {}]],
    reply: [[c.engineeringHead, 'tickets.signOff', {}]],
  };
  return { prepare: prepare[action] ?? [], step: steps[action] };
}

const snapshot = async (id: number) => ({
  row: (await t.sql('select to_jsonb(t) as r from tickets t where id = $1', [id]))[0],
  events: (await t.sql('select count(*)::int as n from ticket_events where ticket_id = $1', [id]))[0],
  clocks: await t.sql('select * from ticket_clocks where ticket_id = $1 order by clock', [id]),
  callbacks: await t.sql('select * from ticket_callbacks where ticket_id = $1 order by id', [id]),
  transfers: await t.sql('select * from ticket_transfers where ticket_id = $1 order by id', [id]),
  outbox: (await t.sql(`select count(*)::int as n from outbox where (payload->>'ticketId')::bigint = $1`, [id]))[0],
});

describe('R-TIC-12 state machine: every (state, action) pair', () => {
  for (const state of ticketStates) {
    it(`R-TIC-12 from ${state}: allowed actions succeed, all others are STATE errors that change nothing`, async () => {
      // One ticket serves every refused action: a refusal must leave it exactly as it was.
      const shared = await ticketIn(t, cast, ids, state, deadline);
      for (const action of ticketActions) {
        const { prepare, step } = call(action);
        const [who, op, input] = step;
        if (isAllowed(state, action)) {
          const id = await ticketIn(t, cast, ids, state, deadline);
          for (const [pWho, pOp, pInput] of prepare) await t.unchecked(pWho)(pOp, { id, ...pInput });
          const after = await t.unchecked(who)(op, { id, ...input });
          expect(after.timeline.at(-1).operation, `${state} --${action}-->`).toBe(action);
          const next = allowedNext(state, action)!;
          expect(next.includes(after.state) || next.includes(PREVIOUS), `${state} --${action}--> ${after.state}`).toBe(true);
        } else {
          const before = await snapshot(shared);
          await expectError(t.unchecked(who)(op, { id: shared, ...input }), 'STATE');
          expect(await snapshot(shared), `${state} --${action}--> changed the ticket`).toEqual(before);
        }
      }
    }, 60_000);
  }
});
