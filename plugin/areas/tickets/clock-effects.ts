// R-TIC-5: what each step of the ticket state machine (model.ts) does to the SLA clocks, in one table, applied
// in one place (store.ts act()). Starting a clock needs the step's input (a deadline, a severity), so the
// handlers that start one compute it; everything that stops, pauses or resumes a clock is here.
import type { OpContext } from '../../core/operation.js';
import { loadClocks, meet, pause, resume, saveClocks } from './clocks.js';
import type { TicketAction } from './model.js';
import type { ClockName } from './types.js';

type Effect = { meets: readonly ClockName[] } | 'pause' | 'resume';

export const clockEffects: Partial<Record<TicketAction, Effect>> = {
  acknowledge: { meets: ['acknowledge'] },
  start: { meets: ['investigation'] }, // an escalated case's investigation ends when handling starts
  waitCustomer: 'pause', // running clocks keep the time they had left (S-SLA-6)
  resume: 'resume',
  resolve: { meets: ['repair', 'report', 'deadline'] },
  reply: { meets: ['reply', 'answer'] },
};

export async function applyClockEffects(ctx: OpContext, ticketId: number, action: TicketAction, at: Date): Promise<void> {
  const effect = clockEffects[action];
  if (!effect) return;
  const clocks = await loadClocks(ctx, ticketId);
  if (typeof effect === 'object') return saveClocks(ctx, ticketId, meet(clocks, effect.meets, at));
  const { calendar } = await ctx.config();
  await saveClocks(ctx, ticketId, effect === 'pause' ? pause(calendar, clocks, at) : resume(calendar, clocks, at));
}
