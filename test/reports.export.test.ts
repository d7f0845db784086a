// R-DAY-11: reports say what they count, in the result and on paper, and every report exports as CSV —
// in-process and over the HTTP service as a text/csv file with a name.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useDesk } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { openTicket } from './tickets.fixtures.js';
import { registry } from '../plugin/app.js';
import { csvFile } from '../plugin/core/export.js';
import { z } from 'zod';
import { inputJsonSchema } from '../plugin/core/coerce.js';
import { createHandler } from '../plugin/server/http.js';

let t: TestDb;
let cast: Cast;
useDesk(async (d) => {
  ({ t, cast } = d);
  t.setNow('2026-10-12T10:00:00+08:00');
  await openTicket(t, cast, { kind: 'repair', unit: '12F-1203', matter: '漏水, "急"' });
  await openTicket(t, cast, { unit: '12F-1203' });
});

const reports = () => [...registry.values()].filter((op) => op.name.startsWith('reports.'));
const inputs: Record<string, Record<string, unknown>> = {
  'reports.monthly': { month: '2026-10' },
  'reports.quarterlySample': { quarter: '2026-Q4', seed: 'audit' },
  'reports.staffScores': { month: '2026-10' },
  'reports.callbackStats': { from: '2026-09', to: '2026-10' },
};

describe('R-DAY-11 report basis and CSV', () => {
  it('R-DAY-11 every reports.* operation states its basis and takes format csv', async () => {
    expect(
      reports()
        .map((op) => op.name)
        .sort(),
    ).toEqual(Object.keys(inputs).sort());
    for (const op of reports()) {
      expect(inputJsonSchema(op).properties?.format, op.name).toMatchObject({ enum: ['json', 'csv'] });
      const json = z.object({ basis: z.string() }).parse(await t.unchecked(cast.director)(op.name, inputs[op.name]));
      expect(json.basis, op.name).toMatch(/opened|made|due/);
      const csv = csvFile.parse(await t.unchecked(cast.director)(op.name, { ...inputs[op.name], format: 'csv' }));
      expect(csv, op.name).toMatchObject({ format: 'csv', contentType: 'text/csv; charset=utf-8', basis: json.basis });
      expect(csv.fileName, op.name).toMatch(/^[\w.-]+\.csv$/);
      expect(csv.csv.startsWith('\uFEFF'), `${op.name}: a byte-order mark for Excel`).toBe(true);
    }
  });

  it('R-DAY-11 the monthly CSV lists every figure as section, item, measure, value; text with commas and quotes is quoted', async () => {
    const { csv, fileName } = csvFile.parse(await t.as(cast.manager)('reports.monthly', { month: '2026-10', format: 'csv' }));
    expect(fileName).toBe('monthly-2026-10.csv');
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('section,item,measure,value');
    expect(lines).toContain('counts.kind,complaint,count,1');
    expect(lines).toContain('counts.kind,repair,count,1');
    expect(lines).toContain('closure,,tickets,2');
    expect(lines).toContain('topUnits,12F-1203,tickets,2');
    const scores = csvFile.parse(await t.as(cast.manager)('reports.staffScores', { month: '2026-10', format: 'csv' }));
    expect(scores.csv.slice(1).split('\r\n')[0]).toBe('staffId,name,lateTickets,dissatisfiedCallbacks,upheldComplaints,partlyUpheldComplaints,notUpheldComplaints,findingsPending,score,fine');
    const sample = csvFile.parse(await t.as(cast.director)('reports.quarterlySample', { quarter: '2026-Q4', seed: 'audit', format: 'csv' }));
    expect(sample.csv).toContain('"漏水, ""急"""');
  });

  it('R-DAY-11 the printed monthly analysis and callback statistics state their basis', async () => {
    const monthly = await t.as(cast.manager)('documents.render', { template: 'monthly-analysis', params: { month: '2026-10' } });
    expect(monthly.html).toContain('统计口径 Basis: counts, on-time rates');
    const callbacks = await t.as(cast.manager)('documents.render', { template: 'callback-stats', params: { year: 2026 } });
    expect(callbacks.html).toContain('统计口径 Basis: made and outcomes: callbacks made in the month');
  });
});

describe('R-DAY-11 CSV over the HTTP service', () => {
  let server: Server;
  let base: string;
  let key: string;
  beforeAll(async () => {
    server = createServer(createHandler(t.env));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    key = (await t.as(cast.admin)('staff.upsert', { name: '报表经理', roles: ['manager'], issueApiKey: true })).apiKey ?? '';
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const post = (op: string, body: unknown) => fetch(`${base}/api/operations/${op}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify(body) });

  it('R-DAY-11 a report asked for as CSV is served as text/csv with a file name; JSON stays JSON', async () => {
    const res = await post('reports.monthly', { month: '2026-10', format: 'csv' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="monthly-2026-10.csv"');
    expect((await res.text()).split('\r\n')[0]).toBe('section,item,measure,value');
    const json = await post('reports.monthly', { month: '2026-10' });
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(((await json.json()) as { basis: string }).basis).toMatch(/tickets opened/);
    const bad = await post('reports.monthly', { month: '2026-10', format: 'xlsx' });
    expect(bad.status).toBe(400);
  });
});
