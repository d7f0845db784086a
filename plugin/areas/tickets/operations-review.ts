// R-DAY-3: the reviewing manager's finding on a complaint — upheld 成立, partly upheld 部分成立, not upheld
// 不成立 — recorded before the department head signs off. R-REP-2 fines follow it (reports/staff-scores.sql).
import { z } from 'zod';
import { defineOperation } from '../../core/operation.js';
import { forbidden } from '../../core/errors.js';
import { atLeast } from '../../core/roles.js';
import { note } from '../../core/schemas.js';
import { ticketDetail } from './schemas.js';
import { checkGuard } from './model.js';
import { act } from './store.js';
import { ticketRef } from './inputs.js';
import { findings } from './types.js';

const recordFinding = defineOperation({
  name: 'tickets.recordFinding',
  title: 'Record the finding on a complaint (manager)',
  description:
    'R-DAY-3: upheld 成立, partly upheld 部分成立 or not upheld 不成立, by the reviewing manager before sign-off; required for complaints about a staff member. ' +
    'Staff scores fine upheld complaints (and partly upheld ones when settings.scores.finePartlyUpheld is on); a not-upheld complaint costs nothing.',
  access: atLeast('manager'),
  kind: 'write',
  input: z.object({
    ...ticketRef,
    finding: z.enum(findings).describe('upheld 成立, partly_upheld 部分成立, not_upheld 不成立'),
    note: note(2000).optional().describe('the grounds for the finding'),
  }),
  output: ticketDetail,
  handler: (ctx, input) =>
    act(ctx, input, 'recordFinding', (t, at) => {
      checkGuard(t, 'recordFinding');
      if (t.targetStaffId === ctx.actor.id) throw forbidden('the staff member complained about must step aside (R-TIC-8)');
      return {
        next: t.state,
        patch: { finding: input.finding, finding_by: ctx.actor.id, finding_at: at, finding_note: input.note ?? null },
        note: input.note,
        data: { finding: input.finding },
      };
    }),
});

export default [recordFinding];
