import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useDesk } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { expectError } from './support/errors.js';
import { builtInTemplate, builtInSource, compileTemplate, templateNames } from '../plugin/areas/documents/engine.js';
import { renderSample } from '../plugin/areas/documents/render.js';
import { createHandler } from '../plugin/server/http.js';

const framing = { now: new Date('2026-10-09T08:00:00Z'), zone: 'Asia/Shanghai', actor: { name: '王敏' } };
const leftovers = /\{\{|\}\}|undefined|NaN|\[object Object\]|Invalid DateTime/;

describe('built-in documents', () => {
  it('R-DOC-1 lists the nine documents of the regulations', () => {
    expect(templateNames.sort()).toEqual(
      ['callback-stats', 'complaint-intake', 'loan-slip', 'monthly-analysis', 'quarterly-summary', 'resolution-record', 'survey-results', 'transfer-slip', 'vacated-catalogue'].sort(),
    );
  });

  it.each(templateNames)('R-DOC-1 %s renders print-ready A4 HTML from sample data with no missing values', (name) => {
    const { html, title } = renderSample(framing, name, builtInTemplate(name)!);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('size: A4');
    expect(html).toContain('2026年10月9日 16:00');
    expect(title).toMatch(/[\u4e00-\u9fff]/);
    expect(html).not.toMatch(leftovers);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('R-DOC-1 report documents carry inline SVG charts', () => {
    for (const name of ['monthly-analysis', 'callback-stats', 'survey-results', 'quarterly-summary']) {
      expect(renderSample(framing, name, builtInTemplate(name)!).html).toContain('<svg');
    }
  });

  it('R-DOC-1 data is escaped, also inside charts', () => {
    const compiled = compileTemplate('{{doc.title}} {{barChart rows "label" "count"}} {{gauge 0.5 "<i>"}}');
    const html = compiled({ doc: { title: '<b>x</b>' }, rows: [{ label: '<script>alert(1)</script>', count: 2 }] }, 'Asia/Shanghai');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<i>');
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('template overrides', () => {
  let t: TestDb;
  let cast: Cast;
  useDesk((d) => ({ t, cast } = d));

  const set = (who: number, source: string, extra: Record<string, unknown> = {}) => t.as(who)('documents.setTemplate', { template: 'loan-slip', source, ...extra });
  const refusal = async (source: string) => {
    const e = (await set(cast.admin, source).catch((x: unknown) => x)) as { code: string; message: string };
    expect(e.code).toBe('VALIDATION');
    return e.message;
  };

  it('R-DOC-1 a template with a syntax error is refused with its line and reason', async () => {
    const message = await refusal('<h1>{{doc.title}}</h1>\n<p>ok</p>\n<p>{{#each loan}}</p>\n');
    expect(message).toBe('source: line 3: {{#each}} is never closed (add {{/each}})');
    expect(await refusal('<p>\n{{#if loan}}\n{{/each}}\n')).toBe('source: line 3: {{/each}} does not close {{#if}} opened on line 2');
    expect(await refusal('<p>\n\n{{loan.unit')).toMatch(/^source: line 3: /);
    expect(await refusal('a\nb\n{{frobnicate loan}}')).toMatch(/line 3: .*unknown helper frobnicate/);
  });

  it('R-DOC-1 an override cannot reach prototypes, globals, the file system or unknown partials', async () => {
    expect(await refusal('{{constructor.constructor "return process"}}')).toMatch(/line 1: .*constructor/);
    expect(await refusal('x\n{{lookup this "__proto__"}}')).toMatch(/line 2: .*__proto__/);
    expect(await refusal('{{> unknownPartial}}')).toMatch(/line 1: unknown partial "unknownPartial"/);
    expect(await refusal('{{#> (lookup . "x")}}{{/}}')).toMatch(/line 1/);
    expect(await refusal('{{log "hello"}}')).toMatch(/unknown helper log/);
    // Harmless when it is not refused: the path simply reads nothing.
    const ok = await set(cast.admin, '{{loan.__lookupGetter}} {{loan.archiveLabel}}');
    expect(ok.preview.html).toContain('华信律师事务所');
    const [{ n }] = (await t.sql<{ n: number }>(`select count(*)::int as n from document_templates where action = 'set'`)) as [{ n: number }];
    expect(n).toBe(1);
  });

  it("R-DOC-1 a department head words their own department's template; reset returns to the built-in and keeps the history", async () => {
    const wording = builtInSource('loan-slip')!.replace('档案须在客务部办公室阅览', '工程图纸须在工程部阅览');
    const saved = await set(cast.engineeringHead, wording, { note: '工程部借阅' });
    expect(saved.preview.html).toContain('工程图纸须在工程部阅览');
    await expectError(set(cast.engineeringHead, wording, { department: 'security' }), 'FORBIDDEN');
    await expectError(set(cast.agent, wording), 'FORBIDDEN');
    const own = await t.as(cast.engineer)('documents.getTemplate', { template: 'loan-slip' });
    expect(own).toMatchObject({ overridden: true });
    expect(own.source).toContain('工程图纸');
    const other = await t.as(cast.agent)('documents.getTemplate', { template: 'loan-slip' });
    expect(other.source).toContain('{{loan.__lookupGetter}}'); // the site-wide override from the test above

    await t.as(cast.engineeringHead)('documents.resetTemplate', { template: 'loan-slip' });
    expect((await t.as(cast.engineer)('documents.getTemplate', { template: 'loan-slip' })).source).toContain('{{loan.__lookupGetter}}');
    await t.as(cast.admin)('documents.resetTemplate', { template: 'loan-slip' });
    expect(await t.as(cast.engineer)('documents.getTemplate', { template: 'loan-slip' })).toEqual({ template: 'loan-slip', source: builtInSource('loan-slip'), overridden: false });

    const [listed] = await t.as(cast.agent)('documents.listTemplates', { template: 'loan-slip' });
    expect(listed!.overrides.map((o) => o.action)).toEqual(['reset', 'set', 'reset', 'set']);
    expect(listed!.overrides.some((o) => o.current)).toBe(false);
    expect(listed!.params).toMatchObject({ properties: { id: { type: 'integer' } } });
    await expect(t.sql('delete from document_templates')).rejects.toThrow(/append-only/);
  });

  it('R-DOC-1 the local service serves a document at GET /documents/<template>?params, for a Iframe or a browser to print', async () => {
    const { apiKey } = await t.as(cast.admin)('staff.upsert', { name: '打印 Printer', roles: ['manager'], departmentCode: 'customer_service', issueApiKey: true });
    const server = createServer(createHandler(t.env));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/documents`;
      const ok = await fetch(`${base}/callback-stats?year=2026&key=${apiKey}`);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await ok.text();
      expect(html).toContain('回访统计 Callback statistics');
      expect(html).toContain('打印 Printer');
      expect(html).not.toMatch(leftovers);
      expect((await fetch(`${base}/callback-stats?year=1999&key=${apiKey}`)).status).toBe(400);
      expect((await fetch(`${base}/callback-stats?year=2026`)).status).toBe(401);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('R-DOC-1 unknown templates and bad parameters are refused', async () => {
    await expectError(t.as(cast.agent)('documents.render', { template: 'nope', params: {} }), 'NOT_FOUND');
    await expectError(t.as(cast.agent)('documents.render', { template: 'monthly-analysis', params: { month: '2026-13' } }), 'VALIDATION', 'params.month');
  });
});
