import type { Logger } from '../core/logger.js';
import { execute, type Env } from '../core/runner.js';
import { seedCustomers } from './customers.js';
import { progressReporter } from './progress.js';
import { seededRandom } from './random.js';
import { demoCalendar2026, seedStaff, type DemoKey } from './staff.js';
import { seedTickets } from './tickets.js';
import type { SeedContext } from './types.js';

/** Area seeders, in dependency order (customers before loans and tickets). */
const areaSeeders = (o: SeedOptions): ((s: SeedContext) => Promise<void>)[] => [seedCustomers, (s) => seedTickets(s, o.tickets)];

export interface SeedOptions {
  /** Random seed: the same seed gives the same data set. */
  seed?: number;
  /** How many tickets (a year of them); tests that only need every state ask for fewer. */
  tickets?: number;
}

/** Loads the demo data set through the operations themselves, so it obeys every rule. */
export async function seedDemo(env: Env, logger: Logger, options: SeedOptions = {}): Promise<DemoKey[]> {
  let now: Date | null = null;
  const seedEnv: Env = { ...env, clock: () => now ?? new Date() };
  const as = (staffId: number) => (op: string, input: Record<string, unknown> = {}) => execute(seedEnv, op, input, { kind: 'staff', staffId }) as Promise<any>;
  const anonymous = (op: string, input: Record<string, unknown> = {}) => execute(seedEnv, op, input, { kind: 'anonymous' }) as Promise<any>;
  const reporter = progressReporter(logger);
  const { staff, keys } = await seedStaff(anonymous, as);
  await as(staff.admin)('calendar.setDays', { days: demoCalendar2026 });
  const s: SeedContext = {
    as,
    setNow: (at) => void (now = at),
    random: seededRandom(options.seed ?? 20261123),
    progress: reporter.progress,
    staff,
    made: { customerIds: [], units: [], archiveIds: [] },
  };
  for (const seeder of areaSeeders(options)) await seeder(s);
  reporter.stop();
  return keys;
}

/** On first start: an empty database gets the demo data set (skip with --no-seed). */
export async function seedIfEmpty(env: Env, logger: Logger): Promise<DemoKey[] | undefined> {
  const [row] = await env.db.transaction((tx) => tx.query<{ n: number }>('select count(*) as n from staff where site = $1', [env.site]));
  if ((row?.n ?? 0) > 0) return undefined;
  logger.info('empty database: loading the demo data set (use --no-seed to skip)');
  return seedDemo(env, logger);
}
