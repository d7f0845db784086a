import { z } from 'zod';
import type { OpContext } from '../../core/operation.js';
import { notFound } from '../../core/errors.js';
import { requireForm } from '../forms/custom-fields.js';
import type { FieldDef } from '../forms/fields.js';

// 满意度调查 satisfaction surveys: periodic (quarterly 2026-Q4, half-yearly 2026-H2, yearly 2026),
// by questionnaire 问卷, phone 电话 or face to face 面谈. Questions are a `survey` form version.

export const periodPattern = /^\d{4}(-Q[1-4]|-H[12])?$/;

/** The period before, of the same kind: 2026-Q1 → 2025-Q4, 2026-H1 → 2025-H2, 2026 → 2025. */
export function previousPeriod(period: string): string {
  const year = Number(period.slice(0, 4));
  const [, kind, n] = /^\d{4}-([QH])(\d)$/.exec(period) ?? [];
  if (!kind) return String(year - 1);
  const last = kind === 'Q' ? 4 : 2;
  return Number(n) > 1 ? `${year}-${kind}${Number(n) - 1}` : `${year - 1}-${kind}${last}`;
}

export const surveyOut = z.object({
  id: z.number(),
  title: z.string(),
  period: z.string(),
  method: z.enum(['questionnaire', 'phone', 'face_to_face']),
  formVersion: z.number(),
  population: z.number(),
  responses: z.number(),
  createdAt: z.string(),
});
export type SurveyRow = Omit<z.output<typeof surveyOut>, 'createdAt'> & { createdAt: Date | string };

const optionCount = z.object({ value: z.string(), label: z.string(), count: z.number(), share: z.number().nullable() });
const groupRow = z.object({ label: z.string(), responses: z.number(), averageScore: z.number().nullable() });

export const surveyResults = z.object({
  survey: surveyOut,
  population: z.number().describe('active customers when the survey opened'),
  responses: z.number(),
  responseRate: z.number().nullable().describe('responses / population, 0–1'),
  overallScore: z.number().nullable().describe("mean over responses of each response's mean scored answer"),
  questions: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      type: z.string(),
      answered: z.number(),
      average: z.number().nullable().describe('numbers, and select options with a score'),
      options: z.array(optionCount),
    }),
  ),
  breakdowns: z.array(z.object({ by: z.enum(['grade', 'category', 'floor']), title: z.string(), rows: z.array(groupRow) })),
  trend: z
    .object({ period: z.string(), surveyId: z.number(), responseRate: z.number().nullable(), overallScore: z.number().nullable(), rateDelta: z.number().nullable(), scoreDelta: z.number().nullable() })
    .nullable()
    .describe('the previous period of the same kind, when it had a survey'),
});
export type SurveyResults = z.output<typeof surveyResults>;

interface ResponseRow {
  answers: Record<string, unknown>;
  grade: string;
  category: string;
  floor: number;
}

const mean = (xs: readonly number[]): number | null => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null);
const share = (n: number, of: number): number | null => (of ? Math.round((n / of) * 1000) / 1000 : null);

/** A question's score for one answer: the number itself, or the score of the chosen option. */
function scoreOf(field: FieldDef, answer: unknown): number | null {
  if (field.type === 'number' && typeof answer === 'number') return answer;
  if (field.type === 'select') return field.options?.find((o) => o.value === answer)?.score ?? null;
  return null;
}

function question(field: FieldDef, rows: readonly ResponseRow[]) {
  const answers = rows.map((r) => r.answers[field.key]).filter((a) => a !== undefined);
  const picked = answers.flatMap((a) => (Array.isArray(a) ? a.map(String) : [String(a)]));
  const options =
    field.type === 'checkbox'
      ? [true, false].map((b) => ({ value: String(b), label: b ? '是 Yes' : '否 No', count: answers.filter((a) => a === b).length }))
      : (field.options ?? []).map((o) => ({ value: o.value, label: o.label, count: picked.filter((p) => p === o.value).length }));
  return {
    key: field.key,
    label: field.label,
    type: field.type,
    answered: answers.length,
    average: mean(answers.flatMap((a) => scoreOf(field, a) ?? [])),
    options: options.map((o) => ({ ...o, share: share(o.count, answers.length) })),
  };
}

const groupLabels = { grade: '按等级 By grade', category: '按类别 By category', floor: '按楼层 By floor' } as const;

function breakdown(by: keyof typeof groupLabels, rows: readonly (ResponseRow & { score: number | null })[]) {
  const groups = new Map<string, (number | null)[]>();
  for (const r of rows) {
    const label = by === 'floor' ? (r.floor < 0 ? `B${-r.floor}` : `${r.floor}F`) : r[by];
    groups.set(label, [...(groups.get(label) ?? []), r.score]);
  }
  const sorted = [...groups].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
  return { by, title: groupLabels[by], rows: sorted.map(([label, scores]) => ({ label, responses: scores.length, averageScore: mean(scores.filter((s): s is number => s !== null)) })) };
}

async function findSurvey(ctx: OpContext, by: { id?: number; period?: string }): Promise<SurveyRow | undefined> {
  const [row] = await ctx.sql<SurveyRow>('surveys/get', { site: ctx.site, id: by.id, period: by.period, limit: 1 });
  return row;
}

export async function loadSurvey(ctx: OpContext, surveyId: number): Promise<SurveyRow> {
  const survey = await findSurvey(ctx, { id: surveyId });
  if (!survey) throw notFound(`survey ${surveyId}`);
  return survey;
}

async function summarize(ctx: OpContext, survey: SurveyRow) {
  const form = await requireForm(ctx, 'survey', survey.formVersion);
  const rows = await ctx.sql<ResponseRow>('surveys/responses', { site: ctx.site, surveyId: survey.id });
  const scored = rows.map((r) => ({ ...r, score: mean(form.fields.flatMap((f) => scoreOf(f, r.answers[f.key]) ?? [])) }));
  return {
    form,
    rows: scored,
    responseRate: share(rows.length, Math.max(survey.population, rows.length)),
    overallScore: mean(scored.flatMap((r) => (r.score === null ? [] : [r.score]))),
  };
}

/** Results of a survey (response rate, score per question, breakdowns, trend against the period before). */
export async function computeResults(ctx: OpContext, surveyId: number): Promise<Omit<SurveyResults, 'survey'> & { survey: SurveyRow }> {
  const survey = await loadSurvey(ctx, surveyId);
  const { form, rows, responseRate, overallScore } = await summarize(ctx, survey);
  const previous = await findSurvey(ctx, { period: previousPeriod(survey.period) });
  const before = previous ? await summarize(ctx, previous) : undefined;
  const delta = (now: number | null, then: number | null | undefined) => (now === null || then === null || then === undefined ? null : Math.round((now - then) * 1000) / 1000);
  return {
    survey,
    population: survey.population,
    responses: rows.length,
    responseRate,
    overallScore,
    questions: form.fields.map((f) => question(f, rows)),
    breakdowns: (['grade', 'category', 'floor'] as const).map((by) => breakdown(by, rows)),
    trend:
      previous && before
        ? {
            period: previous.period,
            surveyId: previous.id,
            responseRate: before.responseRate,
            overallScore: before.overallScore,
            rateDelta: delta(responseRate, before.responseRate),
            scoreDelta: delta(overallScore, before.overallScore),
          }
        : null,
  };
}
