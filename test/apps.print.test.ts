// R-DOC-1 printing from the apps: each of the 9 documents is opened from the screen where its data lives.
import { describe, expect, it } from 'vitest';
import { buildApps } from '../plugin/apps/build.js';
import { documentSource } from '../plugin/apps/print.js';
import { sources } from '../plugin/areas/documents/sources.js';

const apps = buildApps();

/** template → app key, for every documents.render query a button runs and whose success opens a modal showing it. */
function printable(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const app of apps) {
    const def = app.export.app[0]!.definition.appV2;
    for (const q of def.dataQueries.filter((x) => x.options.operation === 'documents.render')) {
      const clicked = def.events.some((e) => e.target === 'component' && e.event.eventId === 'onClick' && e.event.actionId === 'run-query' && e.event.queryId === q.id);
      const opens = def.events.find((e) => e.sourceId === q.id && e.event.eventId === 'onDataQuerySuccess' && e.event.actionId === 'show-modal');
      const modal = def.components.find((c) => c.id === opens?.event.modal && c.type === 'ModalV2');
      const frame = def.components.find((c) => c.parent === modal?.id && c.type === 'IFrame');
      if (!clicked || !frame || frame.properties.source?.value !== documentSource(q.name, '打印 Print')) continue;
      const template = String(q.options.template);
      found.set(template, [...(found.get(template) ?? []), app.key]);
    }
  }
  return found;
}

describe('printing from the template apps', () => {
  it('R-DOC-1 each of the 9 documents is reachable from an app event: button → render → modal with the document', () => {
    expect(Object.keys(sources)).toHaveLength(9);
    expect(Object.fromEntries([...printable()].sort())).toEqual({
      'callback-stats': ['callback-desk'],
      'complaint-intake': ['ticket-board'],
      'loan-slip': ['lending-desk'],
      'monthly-analysis': ['manager-dashboard'],
      'quarterly-summary': ['manager-dashboard'],
      'resolution-record': ['ticket-board'],
      'survey-results': ['manager-dashboard'],
      'transfer-slip': ['ticket-board'],
      'vacated-catalogue': ['archive-room'],
    });
    expect([...printable().keys()].sort()).toEqual(Object.keys(sources).sort());
  });

  it('the ticket documents print the selected ticket', () => {
    const board = apps.find((a) => a.key === 'ticket-board')!.export.app[0]!.definition.appV2;
    const intake = board.dataQueries.find((q) => q.options.template === 'complaint-intake')!;
    expect(intake.options.params).toBe('{{({ id: queries.ticketDetail.data?.id })}}');
  });

  it('the document source is one {{ }} expression (ToolJet ends an expression at the first }})', () => {
    const source = documentSource('q', 'Print');
    expect(source.indexOf('}}')).toBe(source.length - 2);
    expect(source.startsWith("{{'data:text/html;charset=utf-8,' + encodeURIComponent(")).toBe(true);
  });

  it('the print bar is shown on screen and hidden on paper, after <body>', () => {
    const html = '<!doctype html><html><head></head><body><main>doc</main></body></html>';
    const expression = documentSource('q', 'Print').slice(2, -2);
    const url = new Function('queries', `return ${expression}`)({ q: { data: { html } } }) as string;
    const page = decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length));
    expect(page).toMatch(/<body><div class="cd-print"[^>]*><button type="button" onclick="window.print\(\)"/);
    expect(page).toContain('@media print { .cd-print { display: none } }');
    expect(page).toContain('<main>doc</main>');
  });
});
