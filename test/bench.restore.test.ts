// Issue 17: a kept bench schema is measured again and again; before each run the bench takes back the intakes of
// earlier runs (bench/restore.ts), so every run reads the data the schema was generated with.
import { describe, expect, it } from 'vitest';
import { useDesk } from './support/desk.js';
import type { TestDb } from './support/db.js';
import type { Cast } from './support/staff.js';
import { openTicket } from './tickets.fixtures.js';
import { asJson } from '../plugin/core/export.js';
import { INTAKE_MATTER, restore } from '../bench/restore.js';

let t: TestDb;
let cast: Cast;
useDesk((d) => ({ t, cast } = d));

const month = '2029-03';
const report = async () => asJson(await t.as(cast.manager)('reports.monthly', { month, topUnits: 3 }));
const numbers = async () => (await t.sql<{ number: string }>(`select number from tickets where site = 'main' order by number`)).map((r) => r.number);

describe('bench restore (issue 17)', () => {
  it('R-TIC-2 R-REP-1 taking back the bench’s intakes leaves the other tickets, a gap-free counter and the month’s report as before them', async () => {
    t.setNow('2029-03-10T09:00:00+08:00');
    for (const unit of ['12F-1201', '12F-1201', '9F-0901']) await openTicket(t, cast, { unit });
    const kept = await numbers();
    t.setNow('2029-03-12T10:00:00+08:00');
    const before = await report();
    // Complaints on a unit that already had one (a repeat) and repairs, as the bench's inputs are.
    for (let k = 0; k < 6; k++) await openTicket(t, cast, { unit: k % 2 ? '12F-1201' : '3F-0301', kind: k % 3 ? 'repair' : 'complaint', matter: `${INTAKE_MATTER} ${k}` });
    expect(await report()).not.toEqual(before);

    const removed = await t.db.transaction((tx) => restore(tx, 'main', 'Asia/Shanghai'));
    expect(removed).toBe(6);
    expect(await numbers()).toEqual(kept);
    expect(await report()).toEqual(before);
    // The next intake takes the number after the last one kept (R-TIC-2: no gap).
    const next = await openTicket(t, cast);
    expect(Number(next.number.slice(6))).toBe(kept.length + 1);
    expect(await t.db.transaction((tx) => restore(tx, 'main', 'Asia/Shanghai'))).toBe(0);
  });
});
