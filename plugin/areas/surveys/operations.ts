import { z } from 'zod';
import { defineOperation } from '../../core/operation.js';
import { DeskError, notFound, stateError } from '../../core/errors.js';
import { atLeast } from '../../core/roles.js';
import { id, text } from '../../core/schemas.js';
import { formatInstant } from '../../core/json.js';
import { checkAgainst, loadForm, requireForm } from '../forms/custom-fields.js';
import { computeResults, loadSurvey, periodPattern, surveyOut, surveyResults, type SurveyRow } from './results.js';

// Periodic satisfaction surveys (满意度调查); questions come from the `survey` form (forms.define).

const methods = ['questionnaire', 'phone', 'face_to_face'] as const;
const method = z.enum(methods).describe('questionnaire 问卷, phone 电话, face_to_face 面谈');
const out = (ctx: { zone: string }, s: SurveyRow) => ({ ...s, createdAt: typeof s.createdAt === 'string' ? s.createdAt : formatInstant(s.createdAt, ctx.zone) });

export default [
  defineOperation({
    name: 'surveys.create',
    title: 'Open a satisfaction survey',
    description: 'One survey per period (quarter 2026-Q4, half-year 2026-H2 or year 2026), with the current survey form version as its questions.',
    access: atLeast('supervisor'),
    kind: 'write',
    idempotent: true,
    input: z.object({
      period: z.string().trim().regex(periodPattern, 'a period as 2026-Q4, 2026-H2 or 2026').describe('2026-Q4, 2026-H2 or 2026'),
      method,
      title: text(200).optional().describe('default: <period> 客户满意度调查'),
    }),
    output: surveyOut,
    conflicts: { surveys_one_per_period: 'there is already a survey for this period' },
    async handler(ctx, input) {
      const form = await loadForm(ctx, 'survey');
      if (!form) throw new DeskError('NOT_FOUND', 'there is no survey form yet: define the questions first with forms.define (entity "survey"), then open the survey');
      const title = input.title ?? `${input.period} 客户满意度调查 Customer satisfaction survey`;
      const [row] = await ctx.sql<{ id: number }>('surveys/create', {
        site: ctx.site,
        title,
        period: input.period,
        method: input.method,
        formVersion: form.version,
        actorId: ctx.actor.id,
      });
      if (!row) throw new Error('survey was not created');
      const survey = await loadSurvey(ctx, row.id);
      ctx.audit({ entity: 'survey', entityId: row.id, action: 'create', after: survey });
      return out(ctx, survey);
    },
  }),
  defineOperation({
    name: 'surveys.respond',
    title: "Record a customer's survey answers",
    description: "Answers are checked against the survey's form version. One response per customer and survey.",
    access: atLeast('agent'),
    kind: 'write',
    idempotent: true,
    input: z.object({
      surveyId: id,
      customerId: id,
      answers: z.record(z.string(), z.unknown()).describe('question key → answer, as the survey form (forms.get for survey) describes'),
      method: method.optional().describe("how this customer answered (default: the survey's method)"),
    }),
    output: z.object({ id: z.number(), surveyId: z.number(), customerId: z.number(), answers: z.record(z.string(), z.unknown()), createdAt: z.string() }),
    conflicts: { survey_responses_one_per_customer: 'this customer has already answered this survey' },
    async handler(ctx, input) {
      const survey = await loadSurvey(ctx, input.surveyId);
      const [customer] = await ctx.sql<{ status: string }>('surveys/customer', { site: ctx.site, id: input.customerId });
      if (!customer) throw notFound(`customer ${input.customerId}`);
      if (customer.status !== 'active') throw stateError(`customer ${input.customerId} has vacated; only current customers answer surveys`);
      const answers = checkAgainst(ctx, await requireForm(ctx, 'survey', survey.formVersion), input.answers, 'answers');
      const [row] = await ctx.sql<{ id: number; createdAt: Date }>('surveys/respond', {
        site: ctx.site,
        surveyId: survey.id,
        customerId: input.customerId,
        method: input.method ?? survey.method,
        answers: JSON.stringify(answers),
        actorId: ctx.actor.id,
      });
      if (!row) throw new Error('response was not saved');
      const response = { id: row.id, surveyId: survey.id, customerId: input.customerId, answers, createdAt: formatInstant(row.createdAt, ctx.zone) };
      ctx.audit({ entity: 'survey_response', entityId: row.id, action: 'respond', after: response });
      return response;
    },
  }),
  defineOperation({
    name: 'surveys.list',
    title: 'Surveys',
    description: 'Surveys newest first, with their response counts.',
    access: 'staff',
    kind: 'read',
    input: z.object({ limit: z.number().int().min(1).max(200).default(50) }),
    output: z.array(surveyOut),
    async handler(ctx, input) {
      const rows = await ctx.sql<SurveyRow>('surveys/get', { site: ctx.site, id: null, period: null, limit: input.limit });
      return rows.map((s) => out(ctx, s));
    },
  }),
  defineOperation({
    name: 'surveys.results',
    title: 'Survey results',
    description:
      'Response rate (responses / active customers when the survey opened), score per question (numbers, and select options with a score), ' +
      'breakdown by customer grade, category and floor, and the trend against the previous period of the same kind.',
    access: 'staff',
    kind: 'read',
    input: z.object({ id: id.describe('survey id') }),
    output: surveyResults,
    async handler(ctx, input) {
      const results = await computeResults(ctx, input.id);
      return { ...results, survey: out(ctx, results.survey) };
    },
  }),
];
