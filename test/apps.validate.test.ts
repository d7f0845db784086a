import { describe, expect, it } from 'vitest';
import { buildApps } from '../plugin/apps/build.js';
import type { AppExport, AppV2 } from '../plugin/apps/types.js';
import { referencesIn, validateAppExport } from '../plugin/apps/validate.js';

// Each case breaks one thing in a valid app (the ticket board: tabs, tables, events, many queries) and expects
// the validator to name it.
const fresh = (): AppExport => structuredClone(buildApps().find((a) => a.key === 'ticket-board')!.export);
const broken = (breakIt: (app: AppV2, file: AppExport) => void) => {
  const file = fresh();
  breakIt(file.app[0]!.definition.appV2, file);
  return validateAppExport(file).map((p) => `${p.path}: ${p.message}`);
};
const byName = <T extends { name: string }>(rows: T[], name: string): T => rows.find((r) => r.name === name)!;

describe('the import-format validator catches a broken app', () => {
  it('accepts the unbroken app', () => {
    expect(broken(() => undefined)).toEqual([]);
  });

  it('a file without appName, app name or a 3.x version', () => {
    expect(broken((_, f) => void (f.app[0]!.appName = ''))).toEqual([expect.stringMatching(/appName: required/)]);
    expect(broken((app) => void (app.name = ''))).toEqual([expect.stringMatching(/appV2\.name: required/)]);
    expect(broken((_, f) => void (f.tooljet_version = '2.24.0'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/below 2\.29/), expect.stringMatching(/not a 3\.x/)]),
    );
  });

  it('a required key missing (pages)', () => {
    expect(broken((app) => void delete (app as Partial<AppV2>).pages)).toEqual(expect.arrayContaining([expect.stringMatching(/appV2\.pages: required/)]));
  });

  it('duplicate ids', () => {
    const problems = broken((app) => void (app.components[1]!.id = app.components[0]!.id));
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/components\[1\]\.id: duplicate id/)]));
  });

  it('a component on a page that does not exist, or under a missing parent', () => {
    expect(broken((app) => void (app.components[0]!.pageId = '00000000-0000-5000-8000-000000000000'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/components\[0\]\.pageId: no page/)]),
    );
    const child = (app: AppV2) => app.components.find((c) => c.parent !== null)!;
    expect(broken((app) => void (child(app).parent = 'nope'))).toEqual(expect.arrayContaining([expect.stringMatching(/parent: no parent nope/)]));
  });

  it('a child in a tab its Tabs does not declare', () => {
    const problems = broken((app) => {
      const child = app.components.find((c) => c.parent?.endsWith('-classify'))!;
      child.parent = child.parent!.replace(/-classify$/, '-nosuchtab');
    });
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/tab "nosuchtab" is not declared/)]));
  });

  it('overlapping siblings, and a layout outside the 43-column grid', () => {
    const overlap = broken((app) => {
      const [a, b] = app.components.filter((c) => c.parent === null);
      b!.layouts = structuredClone(a!.layouts);
      b!.layouts.forEach((l, i) => (l.id = `${b!.id}-${i}`));
    });
    expect(overlap).toEqual(expect.arrayContaining([expect.stringMatching(/desktop layout of ".*" overlaps/), expect.stringMatching(/mobile layout of ".*" overlaps/)]));
    const wide = broken((app) => void (app.components[0]!.layouts[0]!.width = 43));
    expect(wide).toEqual(expect.arrayContaining([expect.stringMatching(/left 1 \+ width 43 is outside the 43-column grid/)]));
  });

  it('a component without its mobile layout', () => {
    expect(broken((app) => void (app.components[0]!.layouts = app.components[0]!.layouts.slice(0, 1)))).toEqual([
      expect.stringMatching(/a mobile layout is required/),
    ]);
  });

  it('an event that runs a query that does not exist, or names it wrongly', () => {
    const run = (app: AppV2) => app.events.find((e) => e.event.actionId === 'run-query')!;
    expect(broken((app) => void (run(app).event.queryId = 'gone'))).toEqual([expect.stringMatching(/event\.queryId: no query gone/)]);
    expect(broken((app) => void (run(app).event.queryName = 'renamed'))).toEqual([expect.stringMatching(/event\.queryName: "renamed" is not the name/)]);
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

  it('the plugin data source without kind customerdesk or without a plugin id', () => {
    expect(broken((app) => void (app.dataSources[0]!.pluginId = null))).toEqual([expect.stringMatching(/pluginId: must be set/)]);
    expect(broken((app) => void (app.dataSources[0]!.kind = 'restapi'))).toEqual(expect.arrayContaining([expect.stringMatching(/no data source of kind customerdesk/)]));
  });

  it('no options for the default environment', () => {
    expect(broken((app) => void (app.dataSourceOptions = app.dataSourceOptions.slice(0, 2)))).toEqual([expect.stringMatching(/no options for data source .* in production/)]);
  });

  it('an unknown operation, an unknown field, and a literal that fails the operation\'s input schema', () => {
    expect(broken((app) => void (byName(app.dataQueries, 'listTickets').options.operation = 'tickets.list'))).toEqual([
      expect.stringMatching(/operation: unknown operation "tickets\.list"/),
    ]);
    expect(broken((app) => void (byName(app.dataQueries, 'listTickets').options.colour = 'red'))).toEqual([expect.stringMatching(/options\.colour: not a field of tickets\.search/)]);
    expect(broken((app) => void (byName(app.dataQueries, 'listTickets').options.state = 'lost'))).toEqual([expect.stringMatching(/options\.state: /)]);
    expect(broken((app) => void delete byName(app.dataQueries, 'ticketDetail').options.id)).toEqual([expect.stringMatching(/options\.id: /)]);
  });

  it('{{ }} values stand in as valid samples of the field type, so expressions pass', () => {
    expect(broken((app) => void (byName(app.dataQueries, 'listTickets').options.state = '{{components.stateFilter.value}}'))).toEqual([]);
  });

  it('finds references in dotted, bracketed and nested values', () => {
    expect(referencesIn({ a: ['{{queries.a.data + components["b c"].value}}', '{{ x.queries.no }}'], b: 'queries.plain' })).toEqual({ queries: ['a'], components: ['b c'] });
  });
});
