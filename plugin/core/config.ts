import type { Tx } from '../db/types.js';
import type { Config } from './operation.js';
import { runStatement } from './statement.js';
import { settingsSchema } from './settings.js';

// The settings row and the calendar's special days change rarely and are read by most calls; what they
// parse into is kept per (zone, stored text), so a call reads them in one round trip and parses nothing
// unless they changed. Shared between calls, it is read-only by convention: handlers build new values from
// it. Not Object.freeze'd: with the calendar's arrays frozen, the 60 s soak through ToolJet's loader peaked
// at 1.2-1.5 GB RSS instead of ~0.5 GB (three runs each, 09:10-09:21 UTC) and failed .ci/run's level-off check.
const parsed = new Map<string, Config>();

/** Settings (stored overrides merged with defaults) and calendar days, in one round trip. */
export async function loadConfig(tx: Tx, site: string, zone: string): Promise<Config> {
  const [row] = await runStatement<{ value: string | null; days: string }>(tx, 'core/config', { site });
  const key = `${zone}\u0000${row?.value ?? ''}\u0000${row?.days ?? '[]'}`;
  let config = parsed.get(key);
  if (!config) {
    config = build(zone, row?.value ? JSON.parse(row.value) : {}, JSON.parse(row?.days ?? '[]'));
    if (parsed.size >= 64) parsed.clear();
    parsed.set(key, config);
  }
  return config;
}

function build(zone: string, value: unknown, days: [string, string][]): Config {
  // Stored overrides were validated when saved; a default added in a later version fills in here.
  const settings = settingsSchema.parse(value);
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
