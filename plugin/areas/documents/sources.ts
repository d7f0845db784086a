import { z } from 'zod';
import { DateTime } from 'luxon';
import type { OpContext } from '../../core/operation.js';
import { toJson } from '../../core/json.js';
import { id, month, year } from '../../core/schemas.js';
import { ticketKey, type TicketKey } from '../tickets/ref.js';
import { loadLoan } from '../loans/query.js';
import { loadForm } from '../forms/custom-fields.js';
import { attachmentsView } from './attachment-view.js';
import { asJson } from '../../core/export.js';

// Each document gathers its data from the other areas' reads (ctx.call: same transaction, their access
// checks and masking) and maps it to a view model. Templates, and departments' overrides of them, bind
// to the view model only, so a change in a source's shape is absorbed here, not in every override.

async function staffNames(ctx: OpContext): Promise<(staffId: number | null) => string | null> {
  const staff = await ctx.call('staff.list', { includeInactive: true });
  const names = new Map(staff.map((s) => [s.id, s.name]));
  return (staffId) => (staffId === null ? null : (names.get(staffId) ?? `#${staffId}`));
}

const ratio = (percent: number | null): number | null => (percent === null ? null : percent / 100);
const counts = (rows: readonly { key: string; count: number }[]) => rows.map((r) => ({ label: r.key, count: r.count }));

function sumCounts(lists: readonly (readonly { key: string; count: number }[])[]): { label: string; count: number }[] {
  const total = new Map<string, number>();
  for (const row of lists.flat()) total.set(row.key, (total.get(row.key) ?? 0) + row.count);
  return [...total].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count);
}

async function ticketView(ctx: OpContext, key: TicketKey) {
  const t = await ctx.call('tickets.get', key);
  const { settings } = await ctx.config();
  const categoryLabel = settings.tickets.categories.find((c) => c.key === t.category)?.label ?? t.category;
  const conduct =
    t.conductAccount || t.conductWitnesses || t.conductEvidence.length ? { account: t.conductAccount, witnesses: t.conductWitnesses, evidence: t.conductEvidence, signed: t.conductSigned } : null;
  return { t, ticket: { ...t, categoryLabel, conduct } };
}

/** Custom values with the labels of the form version they were saved with (R-FRM-2). */
async function customView(ctx: OpContext, entity: `ticket:${string}`, version: number | null, values: Record<string, unknown>) {
  const form = version === null ? null : await loadForm(ctx, entity, version);
  return (form?.fields ?? []).flatMap((f) => {
    const v = values[f.key];
    if (v === undefined) return [];
    const shown = (x: unknown) => f.options?.find((o) => o.value === x)?.label ?? String(x);
    return [{ label: f.label, value: Array.isArray(v) ? v.map(shown).join('、') : typeof v === 'boolean' ? (v ? '是 Yes' : '否 No') : shown(v) }];
  });
}

const quarterInput = z.string().regex(/^\d{4}-Q[1-4]$/, 'quarter as YYYY-Qn');

export interface DocumentSource<P extends z.ZodObject = z.ZodObject> {
  title: string;
  params: P;
  number(params: z.output<P>): string;
  signers: string[];
  load(ctx: OpContext, params: z.output<P>): Promise<Record<string, unknown>>;
}

const source = <P extends z.ZodObject>(s: DocumentSource<P>): DocumentSource => s;
// R-DAY-4: a ticket's documents are printed by its id or the number staff quote.
const ticketParams = z.object({ ...ticketKey });

export const sources: Record<string, DocumentSource> = {
  'complaint-intake': source({
    title: '客户投诉记录 Complaint intake record',
    params: ticketParams,
    number: () => '',
    signers: ['接待人 Received by', '客务主管 Supervisor'],
    async load(ctx, p) {
      const { t, ticket } = await ticketView(ctx, p);
      const attachments = await attachmentsView(ctx, t.id, ['intake']);
      return { ticket, custom: await customView(ctx, `ticket:${t.kind}`, t.formVersion, t.custom), attachments, number: t.number };
    },
  }),
  'transfer-slip': source({
    title: '客户投诉转交处理联系单 Transfer slip',
    params: ticketParams,
    number: () => '',
    signers: ['转出部门 From', '管理处主任 Director', '接收部门 Receiver'],
    async load(ctx, p) {
      const { t, ticket } = await ticketView(ctx, p);
      const name = await staffNames(ctx);
      const transfers = t.transfers.map((x) => ({ ...x, requestedByName: name(x.requestedBy), decidedByName: name(x.decidedBy), acceptedByName: name(x.acceptedBy) }));
      return { ticket, transfers, number: t.number };
    },
  }),
  'resolution-record': source({
    title: '客户报修/投诉/求助记录 Resolution record',
    params: ticketParams,
    number: () => '',
    signers: ['处理人 Handled by', '部门负责人 Department head', '首问责任人 First contact'],
    async load(ctx, p) {
      const { t, ticket } = await ticketView(ctx, p);
      const name = await staffNames(ctx);
      const resolution = { cause: t.cause, action: t.action, result: t.result, signedOffAt: t.signedOffAt, signedOffByName: name(t.signedOffBy), replyText: t.replyText, repliedAt: t.repliedAt };
      const attachments = await attachmentsView(ctx, t.id, ['before', 'after']);
      return { ticket, resolution, clocks: t.clocks, callbacks: t.callbacks, attachments, number: t.number };
    },
  }),
  'loan-slip': source({
    title: '档案借阅单 Archive loan slip',
    params: z.object({ id: id.describe('loan id') }),
    number: (p) => `L${p.id}`,
    signers: ['借阅人 Borrower', '客务部经理 Manager', '客务主管 Supervisor'],
    async load(ctx, p) {
      const loan = await loadLoan(ctx, p.id);
      const name = await staffNames(ctx);
      const [box] = await ctx.sql<{ boxNo: string | null }>('documents/archive-box', { site: ctx.site, archiveId: loan.archiveId });
      const states: Record<string, string> = { requested: '待批准', approved: '已批准', rejected: '已驳回', issued: '借出中', returned: '已归还', cancelled: '已取消' };
      return {
        loan: {
          ...(toJson(loan, ctx.zone) as Record<string, unknown>),
          archiveLabel: loan.label,
          requestedByName: loan.borrowerName,
          approvedByName: name(loan.approvedBy),
          issuedByName: name(loan.issuedBy),
          boxNo: box?.boxNo ?? null,
          pagesBack: loan.pagesReturned,
          stateLabel: states[loan.state] ?? loan.state,
          // R-LEN-1: overdue is derived — still out past due, or back after the due time.
          overdueMark: loan.overdue ? '逾期未还 Overdue' : loan.state === 'returned' && loan.lateMinutes > 0 ? '逾期归还 Returned late' : null,
        },
      };
    },
  }),
  'vacated-catalogue': source({
    title: '退租客户档案目录 Vacated archives catalogue',
    params: z.object({ year: year.describe('year the customers vacated') }),
    number: (p) => `${p.year}`,
    signers: ['编制 Prepared by', '客务部经理 Manager'],
    async load(ctx, p) {
      const catalogue = await ctx.call('archives.catalogue', { year: p.year });
      return { ...catalogue, subtitle: `${p.year} 年度` };
    },
  }),
  'monthly-analysis': source({
    title: '每月投诉情况分析 Monthly complaint analysis',
    params: z.object({ month: month.describe('month as YYYY-MM') }),
    number: (p) => p.month,
    signers: ['编制 Prepared by', '客务部经理 Manager', '管理处主任 Director'],
    async load(ctx, p) {
      const r = asJson(await ctx.call('reports.monthly', { month: p.month }));
      const { settings } = await ctx.config();
      const categoryLabel = new Map(settings.tickets.categories.map((c) => [c.key, c.label]));
      return {
        subtitle: `${p.month.slice(0, 4)}年${Number(p.month.slice(5))}月`,
        basis: r.basis,
        totals: {
          received: r.closure.tickets,
          closed: r.closure.closed,
          closureRate: ratio(r.closure.percent),
          averageHours: r.handling.averageHours,
          p90Hours: r.handling.p90Hours,
          targetHours: r.handling.targetHours,
          overTarget: r.handling.targetMet === false,
          satisfactionRate: ratio(r.satisfaction.percent),
          repeatComplaints: r.repeatComplaints,
        },
        onTime: r.onTime.map((c) => ({ label: c.clock, rate: ratio(c.percent) })),
        byKind: counts(r.counts.kind),
        byCategory: counts(r.counts.category).map((c) => ({ ...c, label: categoryLabel.get(c.label) ?? c.label })),
        bySeverity: counts(r.counts.severity),
        byDepartment: counts(r.counts.department),
        byChannel: counts(r.counts.channel),
        topUnits: r.topUnits.map((u) => ({ unit: u.unit, count: u.tickets })),
        incidents: r.incidents,
        appointments: r.appointments,
      };
    },
  }),
  'quarterly-summary': source({
    title: '季度咨询情况汇总 Quarterly consultation summary',
    params: z.object({ quarter: quarterInput.describe('quarter as YYYY-Qn'), seed: z.string().max(100).optional().describe('seed of the 20% repair sample') }),
    number: (p) => p.quarter,
    signers: ['编制 Prepared by', '客务部经理 Manager', '管理处主任 Director'],
    async load(ctx, p) {
      const start = DateTime.fromObject({ year: Number(p.quarter.slice(0, 4)), month: (Number(p.quarter.slice(6)) - 1) * 3 + 1 });
      const months = [0, 1, 2].map((i) => start.plus({ months: i }).toFormat('yyyy-MM'));
      const reports = [];
      for (const m of months) reports.push(asJson(await ctx.call('reports.monthly', { month: m })));
      const kinds = sumCounts(reports.map((r) => r.counts.kind));
      const inquiries = kinds.find((k) => k.label === 'inquiry')?.count ?? 0;
      const closed = reports.reduce((n, r) => n + r.closure.closed, 0);
      const tickets = reports.reduce((n, r) => n + r.closure.tickets, 0);
      const made = reports.reduce((n, r) => n + r.satisfaction.callbacks, 0);
      const happy = reports.reduce((n, r) => n + r.satisfaction.satisfied + r.satisfaction.basicallySatisfied, 0);
      // The quarter's average handling time: each month's average weighted by the complaints it covers.
      const replied = reports.reduce((n, r) => n + (r.handling.averageHours === null ? 0 : r.handling.complaints), 0);
      const handledHours = reports.reduce((n, r) => n + (r.handling.averageHours ?? 0) * r.handling.complaints, 0);
      const onTime = reports.flatMap((r) => r.onTime);
      const met = onTime.reduce((n, c) => n + c.onTime, 0);
      const judged = onTime.reduce((n, c) => n + c.onTime + c.late, 0);
      // R-REP-1: the sample is the director's; for anyone else the summary prints without it. Without a seed
      // the quarter is the seed, so a reprint shows the same sample.
      const sample = ctx.may('reports.quarterlySample') ? asJson(await ctx.call('reports.quarterlySample', { quarter: p.quarter, seed: p.seed ?? p.quarter })) : null;
      return {
        subtitle: `${p.quarter.slice(0, 4)}年第${p.quarter.slice(6)}季度`,
        totals: {
          inquiries,
          tickets,
          answered: closed,
          answeredRate: tickets ? closed / tickets : null,
          averageHours: replied ? handledHours / replied : null,
          satisfactionRate: made ? happy / made : null,
          onTimeRate: judged ? met / judged : null,
        },
        byMonth: reports.map((r, i) => ({ label: months[i], count: r.closure.tickets })),
        byKind: kinds,
        byChannel: sumCounts(reports.map((r) => r.counts.channel)),
        sample: sample && { seed: sample.seed, population: sample.population, size: sample.records.length, tickets: sample.records.map((s) => ({ ...s, closedAt: s.resolvedAt })) },
      };
    },
  }),
  'callback-stats': source({
    title: '回访统计 Callback statistics',
    params: z.object({ year: year.describe('year of the callbacks') }),
    number: (p) => `${p.year}`,
    signers: ['编制 Prepared by', '客务部经理 Manager'],
    async load(ctx, p) {
      const { basis, months } = asJson(await ctx.call('reports.callbackStats', { year: p.year }));
      const sum = (key: 'made' | 'satisfied' | 'basicallySatisfied' | 'dissatisfied' | 'due' | 'doneOnTime' | 'doneLate' | 'open') => months.reduce((n, m) => n + m[key], 0);
      const made = sum('made');
      const due = sum('due');
      return {
        subtitle: `${p.year} 年度`,
        basis,
        totals: {
          due,
          done: made,
          doneRate: due ? (sum('doneOnTime') + sum('doneLate')) / due : null,
          satisfied: sum('satisfied'),
          basicallySatisfied: sum('basicallySatisfied'),
          dissatisfied: sum('dissatisfied'),
          satisfactionRate: made ? (sum('satisfied') + sum('basicallySatisfied')) / made : null,
        },
        byOutcome: [
          { label: 'satisfied', count: sum('satisfied') },
          { label: 'basically_satisfied', count: sum('basicallySatisfied') },
          { label: 'dissatisfied', count: sum('dissatisfied') },
        ],
        months: months.map((m) => ({ ...m, satisfactionRate: ratio(m.satisfactionPercent) })),
      };
    },
  }),
  'survey-results': source({
    title: '客户满意度调查结果 Survey results',
    params: z.object({ id: id.describe('survey id') }),
    number: (p) => `S${p.id}`,
    signers: ['编制 Prepared by', '客务部经理 Manager'],
    async load(ctx, p) {
      const results = await ctx.call('surveys.results', { id: p.id });
      return { ...results, subtitle: results.survey.period };
    },
  }),
};
