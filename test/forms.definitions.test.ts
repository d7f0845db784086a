import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useDesk } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { expectError } from './support/errors.js';

let t: TestDb;
let cast: Cast;
useDesk((d) => ({ t, cast } = d));

const doorCode = { key: 'door_code', label: '门禁卡号 Door card no.', type: 'text' as const, required: true, helpText: '8 digits on the card' };
const parking = { key: 'parking_no', label: '车位号 Parking bay', type: 'number' as const, min: 1, max: 500 };
const industry = { key: 'industry', label: '行业 Industry', type: 'select' as const, options: ['finance', 'law', { value: 'it', label: '信息技术 IT' }] };

describe('forms.define', () => {
  it('R-FRM-1 an admin defines customer fields; a department head adds only their own section', async () => {
    const v1 = await t.as(cast.admin)('forms.define', { entity: 'customer', fields: [doorCode, industry] });
    expect(v1.version).toBe(1);
    expect(v1.fields.map((f: { key: string }) => f.key)).toEqual(['door_code', 'industry']);
    const v2 = await t.as(cast.engineeringHead)('forms.define', {
      entity: 'customer',
      fields: [{ key: 'ac_units', label: '空调台数 A/C units', type: 'number', order: 15 }],
    });
    expect(v2.version).toBe(2);
    expect(v2.fields.map((f: { key: string }) => f.key)).toEqual(['door_code', 'ac_units', 'industry']);
    await expectError(t.as(cast.engineeringHead)('forms.define', { entity: 'customer', department: 'security', fields: [] }), 'FORBIDDEN');
    await expectError(t.as(cast.agent)('forms.define', { entity: 'customer', fields: [] }), 'FORBIDDEN');
    await expectError(t.as(cast.securityHead)('forms.define', { entity: 'customer', fields: [{ key: 'door_code', label: '门禁 Door', type: 'text' }] }), 'VALIDATION', 'fields.0.key');
  });

  it('R-FRM-1 a definition is checked when saved: keys, options for selects, sensible settings', async () => {
    const bad = (fields: unknown[]) => t.unchecked(cast.admin)('forms.define', { entity: 'loan', fields });
    await expectError(bad([doorCode, doorCode]), 'VALIDATION', 'fields.1.key');
    await expectError(bad([{ key: 'Door Code', label: 'x', type: 'text' }]), 'VALIDATION', 'fields.0.key');
    await expectError(bad([{ key: 'constructor', label: 'x', type: 'text' }]), 'VALIDATION', 'fields.0.key');
    await expectError(bad([{ key: 'kind', label: 'x', type: 'select' }]), 'VALIDATION', 'fields.0.options');
    await expectError(bad([{ key: 'kind', label: 'x', type: 'select', options: ['a', 'a'] }]), 'VALIDATION', 'fields.0.options');
    await expectError(bad([{ key: 'note', label: 'x', type: 'text', options: ['a'] }]), 'VALIDATION', 'fields.0.options');
    await expectError(bad([{ key: 'n', label: 'x', type: 'number', min: 5, max: 1 }]), 'VALIDATION', 'fields.0.max');
    await expectError(bad([{ key: 'd', label: 'x', type: 'date', maxLength: 3 }]), 'VALIDATION', 'fields.0.maxLength');
    await expectError(bad([{ key: 'd', label: 'x', type: 'colour' }]), 'VALIDATION', 'fields.0.type');
    expect(await t.as(cast.admin)('forms.list')).toHaveLength(1);
  });

  it('R-FRM-2 a stale baseVersion is refused, and stored versions cannot be changed', async () => {
    await expectError(t.as(cast.admin)('forms.define', { entity: 'customer', baseVersion: 1, fields: [doorCode] }), 'CONFLICT');
    await expect(t.sql(`update form_definitions set fields = '[]'`)).rejects.toThrow(/append-only/);
    await expect(t.sql('delete from form_definitions')).rejects.toThrow(/append-only/);
  });
});

describe('records against a form', () => {
  it('R-FRM-3 a bad value names the field label and key', async () => {
    const error = await t
      .as(cast.agent)('customers.create', { unit: '12F-1201', name: '华信律所', custom: { industry: 'law' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'custom.door_code', message: '门禁卡号 Door card no.: required' }] });
    await expectError(t.as(cast.agent)('customers.create', { unit: '12F-1201', name: '华信律所', custom: { door_code: 'A1', industry: 'shipping' } }), 'VALIDATION', 'custom.industry');
    await expectError(t.as(cast.agent)('customers.create', { unit: '12F-1201', name: '华信律所', custom: { door_code: 'A1', colour: 'red' } }), 'VALIDATION', 'custom.colour');
  });

  it('R-FRM-2 records keep the version they were saved with, and old records stay readable after the form changes', async () => {
    const first = await t.as(cast.agent)('customers.create', { unit: '12F-1201', name: '华信律所', custom: { door_code: ' 10203040 ', ac_units: '3' } });
    expect(first.formVersion).toBe(2);
    expect(first.custom).toEqual({ door_code: '10203040', ac_units: 3 });

    // v3: the door card is no longer asked for, a parking bay is.
    const v3 = await t.as(cast.admin)('forms.define', { entity: 'customer', baseVersion: 2, fields: [parking, industry], note: 'door cards retired' });
    expect(v3.version).toBe(3);
    const second = await t.as(cast.agent)('customers.create', { unit: '12F-1202', name: '远航船务', custom: { parking_no: '12', ac_units: 1 } });
    expect(second).toMatchObject({ formVersion: 3, custom: { parking_no: 12, ac_units: 1 } });

    const old = await t.as(cast.agent)('customers.get', { id: first.id });
    expect(old).toMatchObject({ formVersion: 2, custom: { door_code: '10203040', ac_units: 3 } });
    const oldForm = await t.as(cast.agent)('forms.get', { entity: 'customer', version: old.formVersion ?? undefined });
    expect(oldForm.columns.map((c: { key: string }) => c.key)).toContain('door_code');

    const history = await t.as(cast.agent)('forms.history', { entity: 'customer' });
    expect(history.map((h: { version: number }) => h.version)).toEqual([3, 2, 1]);
    expect(history[0]).toMatchObject({ added: ['parking_no'], removed: ['door_code'], note: 'door cards retired' });
    expect(history[1]).toMatchObject({ departmentCode: 'engineering', added: ['ac_units'], createdBy: '陈工' });
  });

  it('R-FRM-3 stored values are normalised, so custom-field search by containment finds them', async () => {
    const found = await t.as(cast.agent)('customers.search', { custom: { parking_no: 12 } });
    expect(found.items.map((c: { unit: string }) => c.unit)).toEqual(['12F-1202']);
  });

  it('R-FRM-3 ticket and loan fields are checked when saved and found by containment over a GIN index', async () => {
    await t.as(cast.engineeringHead)('forms.define', {
      entity: 'ticket:repair',
      fields: [{ key: 'equipment', label: '设备 Equipment', type: 'select', required: true, options: ['ac', 'lift', 'lights'] }],
    });
    await t.as(cast.admin)('forms.define', { entity: 'loan', fields: [{ key: 'copies', label: '复印页数 Copies', type: 'number', min: 0 }] });
    const repair = (equipment: unknown) => t.as(cast.agent)('tickets.open', { kind: 'repair', channel: 'phone', matter: '报修 repair', custom: { equipment } });
    await expectError(repair('boiler'), 'VALIDATION', 'custom.equipment');
    const lift = await repair('lift');
    await repair('ac');
    expect(lift).toMatchObject({ formVersion: 1, custom: { equipment: 'lift' } });
    const found = await t.as(cast.agent)('tickets.search', { custom: { equipment: 'lift' } });
    expect(found.items.map((x: { id: number }) => x.id)).toEqual([lift.id]);

    const { archiveId } = await t.as(cast.agent)('customers.get', { id: (await t.as(cast.agent)('customers.search', { unit: '12F-1202' })).items[0]!.id });
    await expectError(t.as(cast.agent)('loans.request', { archiveId, purpose: '核对', custom: { copies: -1 } }), 'VALIDATION', 'custom.copies');
    const loan = await t.as(cast.agent)('loans.request', { archiveId, purpose: '核对', custom: { copies: '4' } });
    expect((await t.as(cast.agent)('loans.list', { custom: { copies: 4 } })).items.map((l: { id: number }) => l.id)).toEqual([loan.id]);
    expect((await t.as(cast.agent)('loans.list', { custom: { copies: 5 } })).items).toEqual([]);

    const indexes = await t.sql<{ indexdef: string }>(`select indexdef from pg_indexes where indexname in ('customers_custom', 'tickets_custom', 'loans_custom') and schemaname = current_schema()`);
    expect(indexes).toHaveLength(3);
    for (const { indexdef } of indexes) expect(indexdef).toMatch(/using gin \(custom jsonb_path_ops\)/i);
  });

  it('R-FRM-3 with no form defined, custom values are refused', async () => {
    const error = await t.as(cast.agent)('forms.get', { entity: 'ticket:help' });
    expect(error).toMatchObject({ version: null, columns: [] });
    await expectError(t.as(cast.agent)('tickets.open', { kind: 'help', channel: 'phone', matter: '求助 help', custom: { any: 1 } }), 'VALIDATION', 'custom');
    await expectError(t.as(cast.admin)('forms.get', { entity: 'loan', version: 4 }), 'NOT_FOUND');
  });
});

describe('forms.get', () => {
  it("R-FRM-4 returns JSON Schema for ToolJet's Form, a uiSchema and table columns, without fields hidden from the role", async () => {
    await t.as(cast.admin)('forms.define', {
      entity: 'ticket:complaint',
      fields: [
        { key: 'floor_area', label: '区域 Area', type: 'select', required: true, options: [{ value: 'lobby', label: '大堂 Lobby' }, 'garage'] },
        { key: 'follow_ups', label: '跟进 Follow-ups', type: 'multi_select', options: ['call', 'visit'] },
        { key: 'seen_on', label: '发现日期 Seen on', type: 'date', helpText: '客户发现问题的日期' },
        { key: 'detail', label: '详情 Detail', type: 'long_text' },
        { key: 'consent', label: '同意回访 Consent', type: 'checkbox', required: true },
        { key: 'contact_phone', label: '电话 Phone', type: 'phone' },
        { key: 'contact_email', label: '邮箱 Email', type: 'email' },
        { key: 'amount', label: '金额 Amount', type: 'number', min: 0 },
        { key: 'internal', label: '内部备注 Internal', type: 'text', visibleTo: ['manager', 'director'] },
      ],
    });
    const form = await t.as(cast.agent)('forms.get', { entity: 'ticket:complaint' });
    expect(form.version).toBe(1);
    expect(form.jsonSchema).toMatchObject({
      type: 'object',
      title: 'ticket:complaint v1',
      required: ['floor_area', 'consent'],
      additionalProperties: false,
      properties: {
        floor_area: { title: '区域 Area', type: 'string', enum: ['lobby', 'garage'] },
        follow_ups: { type: 'array', items: { type: 'string', enum: ['call', 'visit'] }, uniqueItems: true },
        seen_on: { type: 'string', format: 'date', description: '客户发现问题的日期' },
        consent: { type: 'boolean', const: true },
        contact_email: { type: 'string', format: 'email' },
        amount: { type: 'number', minimum: 0 },
      },
    });
    expect((form.jsonSchema as { properties: Record<string, unknown> }).properties.internal).toBeUndefined();
    expect(form.uiSchema).toMatchObject({ detail: { 'ui:widget': 'textarea' }, floor_area: { 'ui:enumNames': ['大堂 Lobby', 'garage'] } });
    expect(form.columns[0]).toEqual({ key: 'floor_area', label: '区域 Area', type: 'select' });
    const managerView = await t.as(cast.manager)('forms.get', { entity: 'ticket:complaint' });
    expect(managerView.columns.map((c: { key: string }) => c.key)).toContain('internal');
  });
});
