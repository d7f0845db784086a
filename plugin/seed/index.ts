import type { Logger } from '../core/logger.js';
import type { Env } from '../core/runner.js';
import { createCaller } from '../core/caller.js';
import { seedCustomers } from './customers.js';
import { seedLoans } from './loans.js';
import { seededRandom } from './random.js';
import { demoCalendar, seedStaff, type DemoKey } from './staff.js';
import { seedSurveys } from './surveys.js';
import { seedTickets } from './tickets.js';
import type { SeedContext } from './types.js';

export type Progress = (step: string, done: number, total: number) => void;

export interface SeedOptions {
  /** Random seed: the same seed gives the same data set. */
  seed?: number;
  /** How many tickets of history (a year of them); tests that only need every state ask for fewer. */
  tickets?: number;
  progress?: Progress;
}

/**
 * Loads the demo data set. The bulk (customers, archives, a year of tickets, finished loans, survey
 * answers) is written set-based, one statement per table, as the operations would have left it; the
 * records that show each workflow live (staff, settings, edits, recent tickets and loans) go through
 * the operations themselves.
 */
export async function seedDemo(env: Env, logger: Logger, options: SeedOptions = {}): Promise<DemoKey[]> {
  let now: Date | null = null;
  const seedEnv: Env = { ...env, clock: () => now ?? new Date() };
  const as = (staffId: number) => createCaller(seedEnv, { kind: 'staff', staffId });
  const anonymous = createCaller(seedEnv, { kind: 'anonymous' });
  const progress = options.progress ?? (() => undefined);
  progress('staff', 0, 1);
  const { staff, keys } = await seedStaff(anonymous, as);
  await as(staff.admin)('calendar.setDays', { days: demoCalendar(new Date().getFullYear()) });
  const s: SeedContext = {
    env,
    as,
    setNow: (at) => void (now = at),
    random: seededRandom(options.seed ?? 20261123),
    progress,
    staff,
    made: { customerIds: [], units: [], archiveIds: [] },
  };
  await seedCustomers(s);
  await seedLoans(s);
  await seedTickets(s, options.tickets);
  await seedSurveys(s);
  logger.info('demo data set loaded');
  return keys;
}

/** On first start: an empty database gets the demo data set (skip with --no-seed). */
export async function seedIfEmpty(env: Env, logger: Logger, progress?: Progress): Promise<DemoKey[] | undefined> {
  const [row] = await env.db.transaction((tx) => tx.query<{ n: number }>('select count(*) as n from staff where site = $1', [env.site]));
  if ((row?.n ?? 0) > 0) return undefined;
  logger.info('empty database: loading the demo data set (use --no-seed to skip)');
  return seedDemo(env, logger, { progress });
}
