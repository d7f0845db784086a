import type { Tx } from '../db/types.js';
import type { Config } from './operation.js';
import { runStatement } from './statement.js';
import { settingsSchema } from './settings.js';

/** Settings (stored overrides merged with defaults) and calendar days, in one round trip. */
export async function loadConfig(tx: Tx, site: string, zone: string): Promise<Config> {
  const [row] = await runStatement<{ value: unknown; days: [string, string][] }>(tx, 'core/config', { site });
  // Stored overrides were validated when saved; a default added in a later version fills in here.
  const settings = settingsSchema.parse(row?.value ?? {});
  const days = row?.days ?? [];
  return {
    settings,
    calendar: {
      zone,
      hours: settings.office.periods,
      weekdayHours: Object.fromEntries(Object.entries(settings.office.weekdays).map(([d, ps]) => [Number(d), ps])),
      weekend: settings.office.weekend,
      holidays: days.filter(([, kind]) => kind === 'holiday').map(([day]) => day),
      workdays: days.filter(([, kind]) => kind === 'workday').map(([day]) => day),
    },
  };
}
