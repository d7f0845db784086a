// Compile-time checks of the generated statement parameter types (issue 14), run by `npm run typecheck`:
// each @ts-expect-error fails the typecheck if the line below it ever compiles.
import type { OpContext } from '../plugin/core/operation.js';
import { transition } from '../plugin/core/transition.js';

export async function checks(ctx: OpContext): Promise<void> {
  await ctx.sql('loans/lock', { site: ctx.site, id: 7 });
  // @ts-expect-error a missing key (:id)
  await ctx.sql('loans/lock', { site: ctx.site });
  // @ts-expect-error a misspelt key (:loanId for :id)
  await ctx.sql('loans/lock', { site: ctx.site, loanId: 7 });
  // @ts-expect-error a value of the wrong type (:id is cast ::bigint)
  await ctx.sql('loans/lock', { site: ctx.site, id: 'seven' });
  // @ts-expect-error an extra key
  await ctx.sql('loans/lock', { site: ctx.site, id: 7, archiveId: 3 });
  // @ts-expect-error an unknown statement
  await ctx.sql('loans/lok', { site: ctx.site, id: 7 });
  await transition(ctx, 'loans/renew', { site: ctx.site, id: 7, dueAt: ctx.now, at: ctx.now }, 'changed meanwhile');
  // @ts-expect-error transition() checks the keys the same way
  await transition(ctx, 'loans/renew', { site: ctx.site, id: 7, dueAt: ctx.now }, 'changed meanwhile');
  // @ts-expect-error an extra key
  await transition(ctx, 'loans/renew', { site: ctx.site, id: 7, dueAt: ctx.now, at: ctx.now, due: ctx.now }, 'changed meanwhile');
}
