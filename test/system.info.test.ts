import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useDesk } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { statements } from '../plugin/generated/embedded.js';

let t: TestDb;
let cast: Cast;
useDesk((d) => ({ t, cast } = d));

/** Tables whose size does not follow the history: people, departments, the undelivered backlog. */
const flat = new Set(['schema_migrations', 'staff', 'departments', 'outbox']);

function relations(plan: unknown): string[] {
  if (Array.isArray(plan)) return plan.flatMap(relations);
  if (typeof plan !== 'object' || plan === null) return [];
  const own = 'Relation Name' in plan ? [String(plan['Relation Name'])] : [];
  return [...own, ...Object.values(plan).flatMap(relations)];
}

describe('system.info', () => {
  it('issue 17: reads no table that grows with history (the audit log is not counted), so it costs the same at any size', async () => {
    const [row] = await t.sql<{ 'QUERY PLAN': unknown }>(`explain (format json) ${statements['system/info']}`, ['main']);
    const read = relations(row?.['QUERY PLAN']);
    expect(read.length).toBeGreaterThan(0);
    expect(read.filter((name) => !flat.has(name))).toEqual([]);
  });

  it('shows the version, the schema version and the counts that stay small', async () => {
    const info = await t.as(cast.manager)('system.info');
    expect(info.schemaVersion).toBe(info.latestSchemaVersion);
    expect(Object.keys(info.counts).sort()).toEqual(['departments', 'pendingNotifications', 'staff']);
    expect(info.counts.staff).toBeGreaterThan(0);
  });
});
