import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appFiles, buildApps } from '../plugin/apps/build.js';
import { defaultParams } from '../plugin/apps/builder.js';
import { validateAppExport } from '../plugin/apps/validate/index.js';
import { registry } from '../plugin/app.js';

const apps = buildApps();
const v2 = (app: (typeof apps)[number]) => app.export.app[0]!.definition.appV2;

describe('template apps (issue 7)', () => {
  it('templates/apps holds exactly the generated files, up to date (run: npm run customerdesk -- apps build)', () => {
    const files = appFiles();
    expect(readdirSync('templates/apps').sort()).toEqual(Object.keys(files).sort());
    for (const [file, text] of Object.entries(files)) expect(readFileSync(`templates/apps/${file}`, 'utf8'), file).toBe(text);
  });

  it('builds the eight apps of issue 7', () => {
    expect(apps.map((a) => a.appName)).toEqual([
      '前台接待 Front desk',
      '投诉处理 Ticket board',
      '部门任务 Department tasks',
      '回访 Callback desk',
      '档案室 Archive room',
      '档案借阅 Lending desk',
      '经理看板 Manager dashboard',
      '表单设置 Form designer',
    ]);
  });

  for (const params of [defaultParams, { dataSource: 'Desk East', department: 'engineering', language: 'en' as const }]) {
    it(`every app passes the import-format check (${params.language}, ${params.department})`, () => {
      for (const app of buildApps(params)) expect(validateAppExport(app.export), app.file).toEqual([]);
    });
  }

  it('is parametrised by data-source name, department and language', () => {
    const east = buildApps({ dataSource: 'Desk East', department: 'engineering', language: 'en' });
    for (const app of east) {
      const def = app.export.app[0]!.definition.appV2;
      expect(def.dataSources.map((d) => [d.name, d.kind])).toEqual([['Desk East', 'customerdesk']]);
      expect(JSON.stringify(def).match(/.{0,40}[\u4e00-\u9fff]+/g), app.file).toBeNull();
    }
    const designer = east.find((a) => a.key === 'form-designer')!.export.app[0]!.definition.appV2;
    const save = designer.dataQueries.find((q) => q.name === 'saveField')!;
    expect(save.options.department).toBe('engineering');
    const staffList = v2(apps.find((a) => a.key === 'ticket-board')!).dataQueries.find((q) => q.name === 'staffList')!;
    expect(staffList.options.departmentCode).toBe('customer_service');
  });

  it('the same parameters give byte-identical files (stable ids)', () => {
    expect(appFiles({ ...defaultParams })).toEqual(appFiles());
  });

  it('every query names a registered operation on the Customer Desk source', () => {
    for (const app of apps) {
      const def = v2(app);
      for (const q of def.dataQueries) {
        expect(registry.has(String(q.options.operation)), `${app.key}.${q.name}`).toBe(true);
        expect(q.dataSourceId).toBe(def.dataSources[0]!.id);
      }
    }
  });

  it('R-FRM-4 forms take their fields from forms.get: every schema Form reads a forms.get query', () => {
    const formApps = new Set<string>();
    for (const app of apps) {
      const def = v2(app);
      for (const form of def.components.filter((c) => c.type === 'Form')) {
        const name = /queries\.(\w+)\.data\?\.formSchema/.exec(String(form.properties.JSONSchema?.value))?.[1];
        const query = def.dataQueries.find((q) => q.name === name);
        expect(query?.options.operation, `${app.key}.${form.name}`).toBe('forms.get');
        formApps.add(app.key);
      }
    }
    expect([...formApps].sort()).toEqual(['form-designer', 'front-desk', 'lending-desk']);
  });

  it('every button runs a query, and every query shows its error message when it fails', () => {
    for (const app of apps) {
      const def = v2(app);
      for (const button of def.components.filter((c) => c.type === 'Button')) {
        const runs = def.events.filter((e) => e.sourceId === button.id && e.event.eventId === 'onClick' && e.event.actionId === 'run-query');
        expect(runs.length, `${app.key}.${button.name}`).toBe(1);
      }
      for (const q of def.dataQueries) {
        const failure = def.events.find((e) => e.sourceId === q.id && e.event.eventId === 'onDataQueryFailure');
        expect(failure?.event, `${app.key}.${q.name}`).toMatchObject({ actionId: 'show-alert', alertType: 'error' });
        expect(String(failure?.event.message)).toContain(`queries.${q.name}.error`);
      }
      const writes = def.dataQueries.filter((q) => registry.get(String(q.options.operation))?.kind === 'write');
      for (const q of writes) {
        const success = def.events.find((e) => e.sourceId === q.id && e.event.actionId === 'show-alert' && e.event.eventId === 'onDataQuerySuccess');
        expect(success, `${app.key}.${q.name} shows its result`).toBeDefined();
      }
    }
  });

  it("ticket action buttons are enabled by the ticket's allowedActions", () => {
    const board = v2(apps.find((a) => a.key === 'ticket-board')!);
    const classify = board.components.find((c) => c.name === 'actions_classifyButton')!;
    expect(classify.properties.disabledState?.value).toBe('{{!(queries.ticketDetail.data?.allowedActions ?? []).includes("classify")}}');
    const query = board.dataQueries.find((q) => q.name === 'actions_classify')!;
    expect(query.options).toMatchObject({ operation: 'tickets.classify', id: '{{queries.ticketDetail.data.id}}', expectedVersion: '{{queries.ticketDetail.data.version}}' });
  });
});
