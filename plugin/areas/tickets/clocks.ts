// R-TIC-5 SLA clocks: due times, pauses while waiting for the customer, the one extension.
// Everything is computed here in TS (working calendar) and stored whole by tickets/clocks-save.sql.
import type { Config, OpContext } from '../../core/operation.js';
import { addHours, addMs, addWorkingDays, msBetween, type ClockBasis, type WorkingCalendar } from '../../time/calendar.js';
import type { ClockName, Severity, TicketKind } from './types.js';

export interface Clock {
  clock: ClockName;
  basis: ClockBasis;
  startedAt: Date;
  dueAt: Date;
  metAt: Date | null;
  pausedAt: Date | null;
  remainingMs: number | null;
  extended: boolean;
}

const fresh = (clock: ClockName, basis: ClockBasis, startedAt: Date, dueAt: Date): Clock => ({
  clock,
  basis,
  startedAt,
  dueAt,
  metAt: null,
  pausedAt: null,
  remainingMs: null,
  extended: false,
});

/** Clocks with a budget from the settings; each has its own basis (R-DAY-5). */
type BudgetClock = Exclude<ClockName, 'deadline'>;

/** Hour clocks: N hours on the clock's basis (elapsed by default: the hotline runs around the clock). */
export function hourClock(cfg: Config, clock: BudgetClock, start: Date, hours: number): Clock {
  const basis = cfg.settings.sla.basis[clock];
  return fresh(clock, basis, start, addHours(cfg.calendar, basis, start, hours));
}

/** Day clocks: office close of the n-th working day after the start's local date (working), or n × 24 h (elapsed). */
export function dayDue(cfg: Config, clock: BudgetClock, start: Date, days: number): Date {
  return cfg.settings.sla.basis[clock] === 'working' ? addWorkingDays(cfg.calendar, start, days) : addHours(cfg.calendar, 'elapsed', start, days * 24);
}

export const dayClock = (cfg: Config, clock: BudgetClock, start: Date, days: number): Clock => fresh(clock, cfg.settings.sla.basis[clock], start, dayDue(cfg, clock, start, days));

/** A clock whose due time was fixed by a person (限期). */
export const deadlineClock = (start: Date, due: Date): Clock => fresh('deadline', 'elapsed', start, due);

/** Clocks started at intake. */
export function intakeClocks(cfg: Config, kind: TicketKind, openedAt: Date): Clock[] {
  const sla = cfg.settings.sla;
  const clocks = [hourClock(cfg, 'acknowledge', openedAt, sla.acknowledgeHours)];
  if (kind === 'repair') clocks.push(dayClock(cfg, 'repair', openedAt, sla.repairDays));
  if (kind === 'complaint') clocks.push(dayClock(cfg, 'answer', openedAt, sla.answerDays));
  return clocks;
}

/** The final-reply clock of a complaint once its severity is known; counts from intake. */
export const replyClock = (cfg: Config, openedAt: Date, severity: Severity): Clock => hourClock(cfg, 'reply', openedAt, cfg.settings.sla.replyHours[severity]);

const running = (c: Clock): boolean => c.metAt === null && c.pausedAt === null;

/** Budget left at `now` on the clock's basis; negative once late. */
export function remainingAt(cal: WorkingCalendar, c: Clock, now: Date): number {
  if (c.pausedAt !== null && c.remainingMs !== null) return c.remainingMs;
  return now <= c.dueAt ? msBetween(cal, c.basis, now, c.dueAt) : -msBetween(cal, c.basis, c.dueAt, now);
}

export const meet = (clocks: Clock[], names: readonly ClockName[], now: Date): Clock[] =>
  clocks.filter((c) => names.includes(c.clock) && c.metAt === null).map((c) => ({ ...c, metAt: now, pausedAt: null, remainingMs: null }));

/** waiting_customer: running clocks keep their budget left. A clock already late stays late (not paused). */
export const pause = (cal: WorkingCalendar, clocks: Clock[], now: Date): Clock[] =>
  clocks.filter((c) => running(c) && now < c.dueAt).map((c) => ({ ...c, pausedAt: now, remainingMs: msBetween(cal, c.basis, now, c.dueAt) }));

/** resume: the budget left at the pause runs again from `now` (S-SLA-6). */
export const resume = (cal: WorkingCalendar, clocks: Clock[], now: Date): Clock[] =>
  clocks.filter((c) => c.metAt === null && c.pausedAt !== null).map((c) => ({ ...c, dueAt: addMs(cal, c.basis, now, c.remainingMs ?? 0), pausedAt: null, remainingMs: null }));

export interface ClockView {
  clock: ClockName;
  basis: ClockBasis;
  startedAt: Date;
  dueAt: Date;
  metAt: Date | null;
  paused: boolean;
  extended: boolean;
  /** Budget left on the clock's basis (negative = late by that much); null once met. */
  remainingMs: number | null;
  remainingHours: number | null;
  late: boolean;
}

export function view(cal: WorkingCalendar, c: Clock, now: Date): ClockView {
  const remainingMs = c.metAt === null ? remainingAt(cal, c, now) : null;
  return {
    clock: c.clock,
    basis: c.basis,
    startedAt: c.startedAt,
    dueAt: c.dueAt,
    metAt: c.metAt,
    paused: c.pausedAt !== null,
    extended: c.extended,
    remainingMs,
    remainingHours: remainingMs === null ? null : Math.round(remainingMs / 36_000) / 100,
    late: c.metAt === null ? remainingMs !== null && remainingMs < 0 : c.metAt > c.dueAt,
  };
}

export async function loadClocks(ctx: OpContext, ticketId: number): Promise<Clock[]> {
  return ctx.sql<Clock>('tickets/clocks', { site: ctx.site, ticketId });
}

export async function saveClocks(ctx: OpContext, ticketId: number, clocks: Clock[]): Promise<void> {
  if (clocks.length > 0) await ctx.sql('tickets/clocks-save', { site: ctx.site, ticketId, clocks: JSON.stringify(clocks) });
}
