import { z } from 'zod';
import { DateTime } from 'luxon';
import type { OpContext } from '../../core/operation.js';
import { loanOut } from './model.js';
import { listLoans } from './query.js';

export const registerOut = z.object({
  month: z.string(),
  rows: z.array(loanOut),
  totals: z.object({
    issued: z.number(),
    returned: z.number(),
    returnedLate: z.number(),
    out: z.number(),
    overdue: z.number(),
    withMissingPages: z.number(),
    missingPages: z.number(),
  }),
});

/** R-LEN-7: loans handed out in the month, oldest first, with totals. */
export async function loanRegister(ctx: OpContext, month: string) {
  const start = DateTime.fromISO(`${month}-01`, { zone: ctx.zone });
  const { items } = await listLoans(ctx, { issuedFrom: start.toJSDate(), issuedBefore: start.plus({ months: 1 }).toJSDate(), limit: 100000 });
  const rows = items.sort((a, b) => new Date(a.issuedAt ?? 0).getTime() - new Date(b.issuedAt ?? 0).getTime() || a.id - b.id);
  const count = (keep: (l: (typeof rows)[number]) => boolean) => rows.filter(keep).length;
  return {
    month,
    rows,
    totals: {
      issued: rows.length,
      returned: count((l) => l.state === 'returned'),
      returnedLate: count((l) => l.state === 'returned' && l.lateMinutes > 0),
      out: count((l) => l.state === 'issued'),
      overdue: count((l) => l.overdue),
      withMissingPages: count((l) => (l.missingPages ?? 0) > 0),
      missingPages: rows.reduce((n, l) => n + (l.missingPages ?? 0), 0),
    },
  };
}
