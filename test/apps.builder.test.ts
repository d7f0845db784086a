// What the builder guarantees by construction, so the validator need not look (issue 14: the validator keeps
// only what the compiler cannot check): derived unique ids, parents that exist, both layouts, no overlap,
// events that name declared queries and modals, and refusals at declaration time.
import { describe, expect, it } from 'vitest';
import { buildApps } from '../plugin/apps/build.js';
import { AppBuilder, defaultParams } from '../plugin/apps/builder.js';
import { gridColumns } from '../plugin/apps/types.js';

describe('the app builder', () => {
  it('every built app: unique ids, parents that exist on the same page, desktop and mobile layouts inside the grid, events that resolve', () => {
    for (const app of buildApps()) {
      const def = app.export.app[0]!.definition.appV2;
      const ids = [...def.pages, ...def.components, ...def.events, ...def.dataQueries, ...def.components.flatMap((c) => c.layouts)].map((r) => r.id);
      expect(new Set(ids).size, app.key).toBe(ids.length);
      const byId = new Map(def.components.map((c) => [c.id, c]));
      for (const c of def.components) {
        if (c.parent !== null) {
          const owner = byId.get(c.parent) ?? byId.get(c.parent.replace(/-header$|-footer$/, '')) ?? byId.get(c.parent.slice(0, 36));
          expect(owner?.pageId, `${app.key}.${c.name} parent`).toBe(c.pageId);
        }
        expect(
          c.layouts.map((l) => l.type),
          `${app.key}.${c.name}`,
        ).toEqual(['desktop', 'mobile']);
        for (const l of c.layouts) expect(l.left + l.width, `${app.key}.${c.name}`).toBeLessThanOrEqual(gridColumns);
      }
      const queries = new Map(def.dataQueries.map((q) => [q.id, q.name]));
      for (const e of def.events) {
        if (e.event.actionId === 'run-query') expect(queries.get(String(e.event.queryId)), `${app.key} ${e.name}`).toBe(e.event.queryName);
        if (e.event.actionId === 'show-modal') expect(byId.get(String(e.event.modal))?.type, `${app.key} ${e.name}`).toBe('ModalV2');
      }
    }
  });

  it('refuses a name used twice, a row wider than the grid, an unknown operation or field', () => {
    const app = new AppBuilder('t', defaultParams);
    expect(() => app.page('p', 'P', (page) => void [page.heading('a', 'x'), page.heading('a', 'y')])).toThrow(/name "a" is used twice/);
    expect(() =>
      new AppBuilder('t', defaultParams).page('p', 'P', (page) => page.row((row) => void [row.heading('a', 'x', { width: 30, height: 40 }), row.heading('b', 'y', { width: 30, height: 40 })])),
    ).toThrow(/wider than the 43-column grid/);
    expect(() => new AppBuilder('t', defaultParams).query('q', 'tickets.list', {})).toThrow(/unknown operation "tickets\.list"/);
    expect(() => new AppBuilder('t', defaultParams).query('q', 'tickets.search', { colour: 'red' })).toThrow(/"colour" is not a field of tickets\.search/);
  });

  it('siblings never overlap: a row continues below its tallest member', () => {
    const app = new AppBuilder('t', defaultParams);
    app.page('p', 'P', (page) => {
      page.row((row) => void [row.heading('a', 'x', { width: 10, height: 40 }), row.heading('b', 'y', { width: 10, height: 90 })]);
      page.heading('c', 'z');
    });
    const rows = app.build('T').app[0]!.definition.appV2.components.map((c) => [c.name, c.layouts[0]!.top, c.layouts[0]!.height]);
    expect(rows).toEqual([
      ['a', 10, 40],
      ['b', 10, 90],
      ['c', 110, 40],
    ]);
  });

  it('ticket board: an empty page that still has a cursor says a two-character word was looked for among the newest tickets only (issue 17)', () => {
    const def = buildApps({ ...defaultParams, language: 'en' }).find((a) => a.key === 'ticket-board')!.export.app[0]!.definition.appV2;
    const text = String(def.components.find((c) => c.name === 'searchHint')?.properties.text?.value);
    // As ToolJet resolves a Text's {{ }}: the page's result as queries.listTickets.data.
    const shown = (data: unknown) => new Function('queries', `return (${/^\{\{([\s\S]*)\}\}$/.exec(text)![1]});`)({ listTickets: { data } });
    expect(shown({ items: [], nextCursor: 'abc' })).toMatch(/two-character word .* newest 50,000 tickets/);
    expect(shown({ items: [{ id: 1 }], nextCursor: 'abc' })).toBe('');
    expect(shown({ items: [], nextCursor: null })).toBe('');
    expect(shown(undefined)).toBeFalsy();
  });
});
