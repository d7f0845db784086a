// Issue 7: the template apps' queries, run through the bundled plugin (dist/index.js, loaded as ToolJet loads it)
// against the demo database, with their {{ }} inputs evaluated the way ToolJet would: a query sees the results of
// the queries before it, a table's selectedRow is the first row of its data, an input holds a valid value for
// the field it feeds, a disabled button is not pressed, and a write re-runs the queries its success event names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApps } from '../plugin/apps/build.js';
import { defaultParams } from '../plugin/apps/builder.js';
import type { AppV2, ComponentRow, DataQueryRow } from '../plugin/apps/types.js';
import { sampleFor } from '../plugin/apps/validate/index.js';
import { inputJsonSchema } from '../plugin/core/coerce.js';
import { silentLogger } from '../plugin/core/logger.js';
import { registry } from '../plugin/app.js';
import type { Role } from '../plugin/core/roles.js';
import { pgDb } from '../plugin/db/pg.js';
import { ensureMigrated } from '../plugin/db/ready.js';
import { seedDemo } from '../plugin/seed/index.js';
import { bundleDatabase, toolJetPlugin, type PluginService } from '../harness/bundle.js';

type Obj = Record<string, any>;
let db: Awaited<ReturnType<typeof bundleDatabase>>;
let plugin: PluginService;
let staff: { id: number; tooljetUserId: string | null; roles: Role[]; departmentCode: string | null; departmentId: number | null }[] = [];
let departments: { id: number; code: string }[] = [];

const run = (user: string, options: Obj) => plugin.run(db.options, options, 'apps-demo', 't1', { user: { id: user } });

beforeAll(async () => {
  plugin = toolJetPlugin();
  db = await bundleDatabase();
  const o = db.options;
  const env = {
    registry,
    db: o.connection_string
      ? pgDb({ connectionString: String(o.connection_string), schema: String(o.schema) })
      : pgDb({ host: String(o.host), port: Number(o.port), database: String(o.database), user: String(o.username), password: String(o.password), schema: String(o.schema), max: 4 }),
    site: 'main',
    zone: 'Asia/Shanghai',
    clock: () => new Date(),
  };
  await ensureMigrated(env.db);
  // A smaller year of tickets than the full demo set: every state still appears, and the file runs in minutes.
  await seedDemo(env, silentLogger, { tickets: 80 });
  await env.db.close();
  staff = (await run('demo-admin', { operation: 'staff.list' })).data;
  departments = (await run('demo-admin', { operation: 'departments.list' })).data;
}, 1_200_000);
afterAll(async () => db?.stop());

// The person who would use a screen: for staff-wide reads an agent (their own queue), a manager where allowed
// (approves, may cancel others' requests), else the role the operation names; the administrator for a department's
// forms and wording when it has no head of its own. Requests are made by an agent, so a manager can approve them.
const preference: readonly Role[] = ['manager', 'supervisor', 'agent', 'director', 'dept_head', 'admin'];
const byAgent = new Set(['loans.request']);
// Printing is a manager's task: the documents read reports and statistics only managers may read.
const byManager = new Set(['documents.render']);

/** A demo user allowed to run the operation, from the app's department where there is one. */
function userFor(operation: string, department: string): string {
  const access = registry.get(operation)?.access;
  const allowed = (s: (typeof staff)[number]) => access === 'staff' || access === 'public' || (Array.isArray(access) && s.roles.some((r) => access.includes(r)));
  const first: Role = (access === 'staff' && !byManager.has(operation)) || byAgent.has(operation) ? 'agent' : 'manager';
  const order = [first, ...preference.filter((r) => r !== first)];
  const rank = (s: (typeof staff)[number]) => Math.min(...s.roles.map((r) => order.indexOf(r)));
  const candidates = staff.filter((s) => s.tooljetUserId && allowed(s)).sort((a, b) => rank(a) - rank(b));
  const pick = candidates.find((s) => s.departmentCode === department) ?? candidates.find((s) => s.roles.includes('admin')) ?? candidates[0];
  return String(pick?.tooljetUserId);
}

// ToolJet's `moment` as the apps use it: moment().format('YYYY-MM-DD' | 'YYYY-MM').
const moment = () => ({ format: (f: string) => new Date().toISOString().slice(0, f === 'YYYY-MM' ? 7 : 10) });

function evaluate(value: unknown, scope: Obj): unknown {
  if (typeof value !== 'string' || !value.includes('{{')) return value;
  // An expression that throws (e.g. `queries.x.data.id` before x ran) resolves to undefined, as in ToolJet.
  const js = (expr: string): unknown => {
    try {
      return new Function('queries', 'components', 'moment', `return (${expr});`)(scope.queries, scope.components, moment);
    } catch {
      return undefined;
    }
  };
  const whole = /^\{\{([\s\S]*)\}\}$/.exec(value);
  if (whole && !whole[1]!.includes('}}')) return js(whole[1]!);
  return value.replace(/\{\{([\s\S]*?)\}\}/g, (_, expr: string) => String(js(expr) ?? ''));
}

/** What a person would type into each input: a valid value of the field it feeds, or a fitting literal. */
function inputValues(app: AppV2, department: string): Obj {
  const values: Obj = {};
  const today = new Date().toISOString().slice(0, 10);
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const deptId = departments.find((d) => d.code === department)?.id;
  const sameDept = staff.find((s) => s.departmentId === deptId && s.roles.includes('agent'))?.id;
  const byField: Obj = {
    assigneeId: sameDept,
    toDepartmentId: departments.find((d) => d.code !== department && d.code !== 'management')?.id,
    deadline: `${inAWeek}T17:00:00+08:00`,
    // An appointment's window (R-DAY-10): an afternoon next week.
    from: `${inAWeek}T14:00:00+08:00`,
    to: `${inAWeek}T16:00:00+08:00`,
    category: 'service_quality',
    nextCallbackOn: inAWeek,
    receivedOn: today,
    // R-DAY-1: left blank, as at the desk when the action happens now.
    receivedAt: '',
    occurredAt: '',
    days: 1,
    pages: 1,
    pagesReturned: 1,
  };
  for (const q of app.dataQueries) {
    const op = registry.get(String(q.options.operation));
    const fields = (op ? inputJsonSchema(op).properties : undefined) ?? {};
    for (const [key, v] of Object.entries(q.options)) {
      const m = typeof v === 'string' ? /^\{\{components\.(\w+)\.value\}\}$/.exec(v) : null;
      if (m) values[m[1]!] = byField[key] ?? sampleFor(fields[key] as never);
    }
  }
  // Inputs used inside larger expressions: the unit being looked up, the form designer's new field.
  return {
    ...values,
    unitInput: '',
    findInput: '',
    searchInput: '',
    fieldKey: 'door_code',
    fieldLabel: '门禁卡号',
    fieldType: 'text',
    fieldRequired: 'false',
    fieldOptions: '',
    templateText: '{{customer.name}}',
  };
}

interface Outcome {
  query: string;
  operation: string;
  status: string;
  message?: string;
}

async function runApp(app: AppV2, department: string): Promise<Outcome[]> {
  // As in ToolJet, every query is in scope before it has run, with no data yet.
  const results: Obj = Object.fromEntries(app.dataQueries.map((q) => [q.name, { data: undefined, isLoading: false }]));
  const typed = inputValues(app, department);
  const byName = new Map(app.components.map((c) => [c.name, c]));
  const scope: Obj = { queries: results };
  scope.components = new Proxy(
    {},
    {
      get: (_, name: string) => {
        const c: ComponentRow | undefined = byName.get(name);
        if (c?.type === 'Table') {
          const rows = evaluate(c.properties.data?.value, scope);
          return { selectedRow: Array.isArray(rows) ? rows[0] : undefined };
        }
        return { value: typed[name] ?? '', data: {} };
      },
    },
  );
  // What a person can do to trigger each query: press an enabled button, click a row of a table that has rows.
  const triggers = new Map<string, { component: ComponentRow; eventId: string }[]>();
  for (const e of app.events) {
    const component = app.components.find((c) => c.id === e.sourceId);
    if (e.event.actionId !== 'run-query' || !component) continue;
    triggers.set(String(e.event.queryId), [...(triggers.get(String(e.event.queryId)) ?? []), { component, eventId: e.event.eventId }]);
  }
  const usable = (t: { component: ComponentRow; eventId: string }): boolean => {
    if (t.eventId === 'onClick') return evaluate(t.component.properties.disabledState?.value, scope) !== true;
    if (t.eventId === 'onRowClicked') return scope.components[t.component.name].selectedRow !== undefined;
    return true;
  };
  const refreshes = (q: DataQueryRow) =>
    app.events.filter((e) => e.sourceId === q.id && e.event.eventId === 'onDataQuerySuccess' && e.event.actionId === 'run-query').map((e) => String(e.event.queryId));
  const outcomes: Outcome[] = [];
  const exec = async (q: DataQueryRow, record: boolean): Promise<void> => {
    const options = Object.fromEntries(Object.entries(q.options).map(([k, v]) => [k, evaluate(v, scope)]));
    const result = await run(userFor(String(q.options.operation), department), options).catch((e: Error & { description?: string }) => ({
      status: 'failed',
      message: `${e.message} ${e.description ?? ''}`,
    }));
    results[q.name] = { data: result.data, isLoading: false };
    if (record) outcomes.push({ query: q.name, operation: String(q.options.operation), status: result.status, ...(result.status === 'ok' ? {} : { message: result.message ?? result.errorMessage }) });
    if (result.status === 'ok') for (const id of refreshes(q)) await exec(app.dataQueries.find((x) => x.id === id)!, false);
  };
  for (const q of app.dataQueries) {
    const ways = triggers.get(q.id) ?? [];
    if (q.options.runOnPageLoad !== true && ways.length > 0 && !ways.some(usable)) continue;
    await exec(q, true);
  }
  return outcomes;
}

describe('template apps against the demo database, through the bundled plugin', () => {
  // Department tasks is built for engineering: in the demo data its staff hold assigned repair tickets.
  const departmentOf = (key: string) => (key === 'department-tasks' ? 'engineering' : 'customer_service');
  for (const key of buildApps().map((a) => a.key)) {
    it(`${key}: its queries succeed`, async () => {
      const built = buildApps({ ...defaultParams, department: departmentOf(key) }).find((a) => a.key === key)!;
      const app = built.export.app[0]!.definition.appV2;
      const outcomes = await runApp(app, departmentOf(key));
      expect(outcomes.filter((o) => o.status !== 'ok')).toEqual([]);
      // Every query the screen runs on opening did run (the rest wait for a click that needs a row or a state).
      const onLoad = app.dataQueries.filter((q) => q.options.runOnPageLoad === true).map((q) => q.name);
      expect(outcomes.map((o) => o.query)).toEqual(expect.arrayContaining(onLoad));
      console.log(
        `${key}: ${outcomes.length} queries ran (${
          outcomes
            .filter((o) => registry.get(o.operation)?.kind === 'write')
            .map((o) => o.query)
            .join(', ') || 'no writes enabled'
        })`,
      );
    }, 120_000);
  }
});
