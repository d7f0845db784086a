import { describe, expect, it } from 'vitest';
import { buildApps } from '../plugin/apps/build.js';
import type { AppExport, AppV2 } from '../plugin/apps/types.js';
import { referencesIn, validateAppExport, type FieldControl } from '../plugin/apps/validate/index.js';

// Each case breaks one thing in a valid app and expects the validator to name it. The ticket board has tabs,
// tables, events and many queries; the front desk has a Form bound to forms.get.
const fresh = (key: string): AppExport => structuredClone(buildApps().find((a) => a.key === key)!.export);
const broken = (breakIt: (app: AppV2) => void, o: { key?: string; fieldControl?: FieldControl } = {}) => {
  const file = fresh(o.key ?? 'ticket-board');
  breakIt(file.app[0]!.definition.appV2);
  return validateAppExport(file, { fieldControl: o.fieldControl }).map((p) => `${p.path}: ${p.message}`);
};
const byName = <T extends { name: string }>(rows: T[], name: string): T => rows.find((r) => r.name === name)!;

describe('the app validator catches what the compiler cannot see', () => {
  it('accepts the unbroken apps', () => {
    expect(broken(() => undefined)).toEqual([]);
    expect(broken(() => undefined, { key: 'front-desk' })).toEqual([]);
  });

  it('{{queries.X}} and {{components.Y}} that resolve to nothing', () => {
    const problems = broken((app) => {
      byName(app.components, 'ticketTable').properties.data = { value: '{{queries.listTicket.data.items}}' };
      byName(app.dataQueries, 'ticketDetail').options.id = '{{components.ticketTabel.selectedRow.id}}';
    });
    expect(problems).toEqual([
      expect.stringMatching(/properties\.data: \{\{queries\.listTicket\}\} names no query/),
      expect.stringMatching(/options\.id: \{\{components\.ticketTabel\}\} names no component/),
    ]);
  });

  it("an unknown operation, an unknown field, and a literal that fails the operation's input schema", () => {
    expect(broken((app) => void (byName(app.dataQueries, 'listTickets').options.operation = 'tickets.list'))).toEqual([expect.stringMatching(/operation: unknown operation "tickets\.list"/)]);
    expect(broken((app) => void (byName(app.dataQueries, 'listTickets').options.colour = 'red'))).toEqual([expect.stringMatching(/options\.colour: not a field of tickets\.search/)]);
    expect(broken((app) => void (byName(app.dataQueries, 'listTickets').options.state = 'lost'))).toEqual([expect.stringMatching(/options\.state: /)]);
    expect(broken((app) => void delete byName(app.dataQueries, 'actions_classify').options.severity)).toEqual([expect.stringMatching(/options\.severity: /)]);
  });

  it('{{ }} values stand in as valid samples of the field type, so expressions pass', () => {
    expect(broken((app) => void (byName(app.dataQueries, 'listTickets').options.state = '{{components.stateFilter.value}}'))).toEqual([]);
  });

  it('finds references in dotted, bracketed and nested values', () => {
    expect(referencesIn({ a: ['{{queries.a.data + components["b c"].value}}', '{{ x.queries.no }}'], b: 'queries.plain' })).toEqual({ queries: ['a'], components: ['b c'] });
  });
});

describe('ToolJet rules of issue 13', () => {
  it("6: a Form bound to draft-07 JSON Schema, or given types ToolJet's Form does not draw", () => {
    expect(broken((app) => void (byName(app.components, 'customFields').properties.JSONSchema = { value: '{{queries.ticketForm.data?.jsonSchema ?? {}}}' }), { key: 'front-desk' })).toEqual([
      expect.stringMatching(/components\[\d+\]\.properties\.JSONSchema: binds draft-07 JSON Schema/),
    ]);
    const literal = { title: 'x', properties: { door: { type: 'string', title: 'Door' }, ok: { type: 'textinput', label: 'OK' } } };
    expect(broken((app) => void (byName(app.components, 'customFields').properties.JSONSchema = { value: literal }), { key: 'front-desk' })).toEqual([
      expect.stringMatching(/JSONSchema\.door: type "string" is not a ToolJet Form type/),
    ]);
  });

  it('7: a {{ }} bound into a field operations.json makes a dropdown or toggle', () => {
    const stateIsDropdown: FieldControl = (op, key) => (op === 'tickets.search' && key === 'state' ? 'dropdown' : 'codehinter');
    expect(broken((app) => void (byName(app.dataQueries, 'listTickets').options.state = '{{components.stateFilter.value}}'), { fieldControl: stateIsDropdown })).toEqual([
      expect.stringMatching(/options\.state: binds \{\{ \}\} into a dropdown field/),
    ]);
    // The same literal in a dropdown is fine: a constant is what a dropdown holds.
    expect(broken((app) => void (byName(app.dataQueries, 'listTickets').options.state = 'new'), { fieldControl: stateIsDropdown })).toEqual([]);
  });

  it('7: the shipped operations.json has no dropdown an app binds', () => {
    for (const app of buildApps())
      expect(
        validateAppExport(app.export).filter((p) => /binds \{\{/.test(p.message)),
        app.file,
      ).toEqual([]);
  });

  it('8: visibility flags in `others` instead of displayPreferences; a raw-read boolean as a string', () => {
    const problems = broken((app) => {
      const table = byName(app.components, 'ticketTable') as unknown as Record<string, unknown> & AppV2['components'][number];
      table.displayPreferences = {};
      (table as Record<string, unknown>).others = { showOnDesktop: { value: '{{true}}' } };
      table.properties.autogenerateColumns = { value: '{{false}}' };
    });
    expect(problems).toEqual([
      expect.stringMatching(/others: the importer drops `others`/),
      expect.stringMatching(/displayPreferences\.showOnDesktop: required/),
      expect.stringMatching(/displayPreferences\.showOnMobile: required/),
      expect.stringMatching(/autogenerateColumns: ToolJet reads the raw value: use false, not "\{\{false\}\}"/),
    ]);
  });
});
