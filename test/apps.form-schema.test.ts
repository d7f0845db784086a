// R-FRM-4: forms.get gives ToolJet's Form its own schema, so every field kind the form designer offers is drawn.
import { describe, expect, it } from 'vitest';
import { fieldTypes } from '../plugin/areas/forms/fields.js';
import { toolJetFormTypes } from '../plugin/areas/forms/tooljet-form.js';
import type { TestDb } from './support/db.js';
import { useDesk } from './support/desk.js';
import type { Cast } from './support/staff.js';

let t: TestDb;
let cast: Cast;
useDesk((d) => ({ t, cast } = d));

// The `case` labels of `typeResolver` in ToolJet's FormUtils.js — any other `type` is skipped without a word.
// 3.x: frontend/src/AppBuilder/Widgets/Form/FormUtils.js; 2.x: frontend/src/Editor/Components/Form/FormUtils.js.
const typeResolver2 = [
  'textinput',
  'dropdown',
  'button',
  'text',
  'number',
  'password',
  'datepicker',
  'checkbox',
  'radio',
  'toggle',
  'textarea',
  'daterangepicker',
  'multiselect',
  'starrating',
  'filepicker',
];
// 3.x added three input types to 2.x's list.
const typeResolver3 = [...typeResolver2, 'emailinput', 'phoneinput', 'currencyinput'];

const oneOfEach = fieldTypes.map((type) => ({
  key: `f_${type}`,
  label: `${type} 字段`,
  type,
  required: type !== 'checkbox',
  ...(type === 'select' || type === 'multi_select' ? { options: ['a', { value: 'b', label: '乙 B' }] } : {}),
  ...(type === 'number' ? { min: 1, max: 9 } : {}),
}));

describe('forms.get formSchema (ToolJet Form)', () => {
  it('R-FRM-4 the schema types are ones both ToolJet versions of typeResolver know', () => {
    for (const type of toolJetFormTypes) {
      expect(typeResolver3, type).toContain(type);
      expect(typeResolver2, type).toContain(type);
    }
  });

  it('R-FRM-4 every field kind the form designer offers becomes a drawn widget with its label, options, default and required flag', async () => {
    await t.as(cast.admin)('forms.define', { entity: 'customer', fields: oneOfEach });
    const form = await t.as(cast.agent)('forms.get', { entity: 'customer' });
    const props = form.formSchema.properties as Record<string, Record<string, unknown>>;
    expect(Object.keys(props)).toEqual(oneOfEach.map((f) => f.key));
    for (const f of oneOfEach) expect(typeResolver2, f.type).toContain(props[f.key]?.type);
    expect(props.f_text).toMatchObject({ type: 'textinput', label: 'text 字段 *', value: '', validation: { minLength: 1 } });
    expect(props.f_long_text).toMatchObject({ type: 'textarea' });
    expect(props.f_number).toMatchObject({ type: 'number', minValue: 1, maxValue: 9 });
    expect(props.f_date).toMatchObject({ type: 'datepicker', format: 'YYYY-MM-DD', enableTime: false });
    expect(props.f_select).toMatchObject({ type: 'dropdown', values: ['a', 'b'], displayValues: ['a', '乙 B'] });
    expect(props.f_multi_select).toMatchObject({ type: 'multiselect', values: ['a', 'b'], value: [] });
    expect(props.f_checkbox).toMatchObject({ type: 'checkbox', label: 'checkbox 字段', value: false });
    expect(props.f_phone).toMatchObject({ type: 'textinput', validation: { regex: expect.any(String) } });
    expect(new RegExp(String((props.f_email!.validation as { regex: string }).regex)).test('a@b.cn')).toBe(true);
    expect(form.formSchema.required).toEqual(oneOfEach.filter((f) => f.required).map((f) => f.key));
  });
});
