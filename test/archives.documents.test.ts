import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useDesk } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { expectError } from './support/errors.js';

let t: TestDb;
let cast: Cast;
let archiveId: number;
useDesk(async (d) => {
  ({ t, cast } = d);
  t.setNow('2026-10-09T10:00:00+08:00');
  archiveId = (await t.as(cast.agent)('customers.create', { unit: '12F-1205', name: '档案测试公司' })).archiveId;
});

const add = (doc: Record<string, unknown>) => t.unchecked(cast.agent)('archives.addDocument', { archiveId, pages: 2, ...doc });

describe('archive documents', () => {
  it('R-ARC-1 takes every kind; an application needs a subtype and only an application has one', async () => {
    for (const kind of ['move_in', 'fit_out', 'correspondence', 'other']) await add({ kind, title: kind, receivedOn: '2026-01-10' });
    for (const subtype of ['door_lock', 'phone_line', 'parking', 'signage', 'overtime']) {
      expect(await add({ kind: 'application', subtype, title: subtype, receivedOn: '2026-02-01' })).toMatchObject({ kind: 'application', subtype });
    }
    await expectError(add({ kind: 'application', title: 'x', receivedOn: '2026-02-01' }), 'VALIDATION', 'subtype');
    await expectError(add({ kind: 'other', subtype: 'parking', title: 'x', receivedOn: '2026-02-01' }), 'VALIDATION', 'subtype');
    await expectError(add({ kind: 'bogus', title: 'x', receivedOn: '2026-02-01' }), 'VALIDATION', 'kind');
    await expectError(add({ kind: 'other', title: 'x', receivedOn: '2026-02-30' }), 'VALIDATION', 'receivedOn');
  });

  it('R-ARC-2 lists newest first by date received, then by entry time', async () => {
    t.setNow('2026-10-09T11:00:00+08:00');
    const older = await add({ kind: 'correspondence', title: '同日较早', receivedOn: '2026-09-30' });
    t.setNow('2026-10-09T11:05:00+08:00');
    const newer = await add({ kind: 'correspondence', title: '同日较晚', receivedOn: '2026-09-30' });
    const late = await add({ kind: 'correspondence', title: '最新', receivedOn: '2026-10-08' });
    const list = await t.as(cast.agent)('archives.listDocuments', { archiveId });
    expect(list.slice(0, 3).map((d: { id: number }) => d.id)).toEqual([late.id, newer.id, older.id]);
    const dates = list.map((d: { receivedOn: string }) => d.receivedOn);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('S-ARC-2 R-ARC-3 an original cannot be changed; a working copy changes through a manager-approved edit, both versions listed', async () => {
    const original = await add({ kind: 'move_in', title: '租赁合同原件', receivedOn: '2026-03-01', original: true });
    await expectError(t.as(cast.manager)('archives.updateDocument', { id: original.id, title: '改' }), 'STATE');
    await expect(t.as(cast.agent)('archives.updateDocument', { id: original.id, title: '改' })).rejects.toMatchObject({ code: 'STATE', message: 'original documents cannot be changed' });
    await expect(t.sql(`update archive_documents set title = 'tampered' where id = $1`, [original.id])).rejects.toThrow(/original documents cannot be changed/);

    const copy = await add({ kind: 'fit_out', title: '装修图纸（复印件）', receivedOn: '2026-04-01', pages: 8 });
    const asked = await t.as(cast.agent)('archives.updateDocument', { id: copy.id, pages: 9, reason: '补页' });
    expect(asked).toMatchObject({ status: 'pending', document: null, editRequest: { entity: 'document', state: 'pending' } });
    const approved = await t.as(cast.manager)('edits.approve', { id: asked.editRequest!.id });
    expect(approved.state).toBe('approved');
    const versions = (await t.as(cast.agent)('archives.listDocuments', { archiveId })).filter((d: { title: string }) => d.title === '装修图纸（复印件）');
    expect(versions).toEqual([
      expect.objectContaining({ id: approved.resultId, pages: 9, current: true, supersedesId: copy.id }),
      expect.objectContaining({ id: copy.id, pages: 8, current: false, supersededBy: approved.resultId }),
    ]);
    await expectError(t.as(cast.manager)('archives.updateDocument', { id: copy.id, pages: 10 }), 'CONFLICT');
    const direct = await t.as(cast.manager)('archives.updateDocument', { id: approved.resultId!, title: '装修图纸（修订）' });
    expect(direct).toMatchObject({ status: 'applied', document: { title: '装修图纸（修订）', supersedesId: approved.resultId } });
  });
});
