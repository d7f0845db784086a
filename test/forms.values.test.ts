import { describe, expect, it } from 'vitest';
import { compiledForm } from '../plugin/areas/forms/compile.js';
import { normalizeSection, type FieldInput } from '../plugin/areas/forms/fields.js';
import type { Role } from '../plugin/core/roles.js';

// R-FRM-3 table-driven: the compiled schema is what checkCustomValues runs for every create and update.
const section = normalizeSection(
  [
    { key: 'name_on_card', label: '卡上姓名 Name on card', type: 'text', required: false, maxLength: 10 },
    { key: 'remarks', label: '备注 Remarks', type: 'long_text', required: false },
    { key: 'staff_count', label: '员工人数 Staff', type: 'number', required: false, min: 0, max: 1000 },
    { key: 'lease_end', label: '租约到期 Lease end', type: 'date', required: false },
    { key: 'industry', label: '行业 Industry', type: 'select', required: false, options: ['finance', 'law', '3'] },
    { key: 'services', label: '服务 Services', type: 'multi_select', required: false, options: ['cleaning', 'security', 'parking'] },
    { key: 'vip_lounge', label: '贵宾室 Lounge', type: 'checkbox', required: false },
    { key: 'consent', label: '同意 Consent', type: 'checkbox', required: false },
    { key: 'duty_phone', label: '值班电话 Duty phone', type: 'phone', required: false },
    { key: 'billing_email', label: '账单邮箱 Billing email', type: 'email', required: false },
    { key: 'budget', label: '预算 Budget', type: 'number', required: false, visibleTo: ['manager'] },
  ] satisfies FieldInput[],
  null,
).fields;
const form = compiledForm(section, 'Asia/Shanghai');
const agent: Role[] = ['agent'];
const check = (values: Record<string, unknown>, roles: Role[] = agent) => form.check(values, roles, 'custom');

const valid: [string, unknown, unknown][] = [
  ['name_on_card', '  王敏 ', '王敏'],
  ['remarks', '第一行\n第二行', '第一行\n第二行'],
  ['staff_count', 12, 12],
  ['staff_count', '12.5', 12.5],
  ['lease_end', '2026-10-09', '2026-10-09'],
  ['lease_end', '2026-10-08T16:30:00Z', '2026-10-09'],
  ['industry', 'law', 'law'],
  ['industry', 3, '3'],
  ['services', ['parking', 'cleaning', 'parking'], ['cleaning', 'parking']],
  ['services', 'security, cleaning', ['cleaning', 'security']],
  ['vip_lounge', false, false],
  ['vip_lounge', 'true', true],
  ['duty_phone', '+86 (21) 5555-0101', '+86 (21) 5555-0101'],
  ['billing_email', 'ap@huaxin.example', 'ap@huaxin.example'],
];

const invalid: [string, unknown, string][] = [
  ['name_on_card', 'x'.repeat(11), '卡上姓名 Name on card: at most 10 characters'],
  ['name_on_card', 42, '卡上姓名 Name on card: text expected'],
  ['staff_count', 'twelve', '员工人数 Staff: a number expected'],
  ['staff_count', -1, '员工人数 Staff: at least 0'],
  ['staff_count', 1001, '员工人数 Staff: at most 1000'],
  ['lease_end', '2026-02-30', '租约到期 Lease end: a date as YYYY-MM-DD expected'],
  ['lease_end', '09/10/2026', '租约到期 Lease end: a date as YYYY-MM-DD expected'],
  ['industry', 'shipping', '行业 Industry: one of: finance, law, 3'],
  ['services', ['cleaning', 'catering'], '服务 Services: each one of: cleaning, security, parking'],
  ['services', { a: 1 }, '服务 Services: a list of options expected'],
  ['vip_lounge', 'yes', '贵宾室 Lounge: true or false expected'],
  ['duty_phone', 'call me', '值班电话 Duty phone: a phone number of digits, spaces, +, -, ( )'],
  ['billing_email', 'not-an-email', '账单邮箱 Billing email: Invalid email address'],
];

describe('custom field values', () => {
  it.each(valid)('R-FRM-3 %s accepts %j and stores %j', (key, input, stored) => {
    expect(check({ [key]: input })).toEqual({ values: { [key]: stored } });
  });

  it.each(invalid)('R-FRM-3 %s refuses %j: "%s"', (key, input, message) => {
    expect(check({ [key]: input })).toEqual({ issues: [{ path: `custom.${key}`, message }] });
  });

  it('R-FRM-3 empty inputs mean "not filled" and leave no key behind', () => {
    expect(check({ name_on_card: '', staff_count: null, services: [] })).toEqual({ values: {} });
  });

  it('R-FRM-3 required fields are required, a required checkbox must be ticked, unknown keys are refused', () => {
    const strict = compiledForm(
      normalizeSection(
        [
          { key: 'door_code', label: '门禁卡号 Door card no.', type: 'text', required: true },
          { key: 'consent', label: '同意 Consent', type: 'checkbox', required: true },
          { key: 'budget', label: '预算 Budget', type: 'number', required: true, visibleTo: ['manager'] },
        ],
        null,
      ).fields,
      'Asia/Shanghai',
    );
    const result = strict.check({ consent: false, colour: 'red' }, agent, 'custom');
    expect('issues' in result && result.issues.sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'custom.colour', message: 'colour: not a field of this form' },
      { path: 'custom.consent', message: '同意 Consent: must be ticked' },
      { path: 'custom.door_code', message: '门禁卡号 Door card no.: required' },
    ]);
    // The manager-only budget is not required of an agent, and required of a manager.
    expect(strict.check({ door_code: 'A1', consent: true }, agent, 'custom')).toEqual({ values: { door_code: 'A1', consent: true } });
    expect(strict.check({ door_code: 'A1', consent: true }, ['manager'], 'custom')).toMatchObject({ issues: [{ path: 'custom.budget' }] });
  });

  it('R-FRM-3 a field hidden from the role cannot be written by it', () => {
    expect(check({ budget: 100 })).toEqual({ issues: [{ path: 'custom.budget', message: '预算 Budget: not on the form for your role' }] });
    expect(check({ budget: '100' }, ['manager'])).toEqual({ values: { budget: 100 } });
  });

  it('R-FRM-3 compiled forms are cached by content', () => {
    expect(compiledForm(section, 'Asia/Shanghai')).toBe(form);
    expect(compiledForm(section.slice(1), 'Asia/Shanghai')).not.toBe(form);
  });
});
