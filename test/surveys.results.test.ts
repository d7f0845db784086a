import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useDesk } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { expectError } from './support/errors.js';

// Satisfaction surveys (满意度调查): questions from the `survey` form, answers checked against the
// version the survey opened with, results per question, per customer group and against the period before.

let t: TestDb;
let cast: Cast;
const customers: Record<string, number> = {};

const overall = {
  key: 'overall',
  label: '总体满意度 Overall',
  type: 'select' as const,
  required: true,
  options: [
    { value: 'very', label: '非常满意 Very satisfied', score: 5 },
    { value: 'ok', label: '满意 Satisfied', score: 4 },
    { value: 'bad', label: '不满意 Dissatisfied', score: 2 },
  ],
};
const cleaning = { key: 'cleaning', label: '保洁评分 Cleaning (1–5)', type: 'number' as const, min: 1, max: 5 };
const wishes = { key: 'wishes', label: '希望改进 Improve', type: 'multi_select' as const, options: ['lifts', 'parking', 'security'] };

useDesk(async (d) => {
  ({ t, cast } = d);
  for (const [unit, grade, category] of [
    ['12F-1201', 'A', 'vip'],
    ['12F-1202', 'A', 'regular'],
    ['8F-801', 'B', 'new'],
    ['8F-802', 'C', 'new'],
    ['B1-001', 'C', 'regular'],
    ['3F-301', 'D', 'new'],
  ] as const) {
    customers[unit] = (await t.as(cast.agent)('customers.create', { unit, name: `客户 ${unit}`, grade, category })).id;
  }
});

const respond = (surveyId: number, unit: string, answers: Record<string, unknown>) => t.as(cast.agent)('surveys.respond', { surveyId, customerId: customers[unit]!, answers });

describe('surveys', () => {
  let q3: number;
  let q4: number;

  it('a survey needs a survey form; one survey per period', async () => {
    await expectError(t.as(cast.supervisor)('surveys.create', { period: '2026-Q3', method: 'phone' }), 'NOT_FOUND');
    await t.as(cast.admin)('forms.define', { entity: 'survey', fields: [overall, cleaning, wishes] });
    const survey = await t.as(cast.supervisor)('surveys.create', { period: '2026-Q3', method: 'phone' });
    expect(survey).toMatchObject({ period: '2026-Q3', method: 'phone', formVersion: 1, population: 6, responses: 0, title: '2026-Q3 客户满意度调查 Customer satisfaction survey' });
    q3 = survey.id;
    await expectError(t.as(cast.supervisor)('surveys.create', { period: '2026-Q3', method: 'questionnaire' }), 'CONFLICT');
    await expectError(t.as(cast.supervisor)('surveys.create', { period: '2026-Q5', method: 'phone' }), 'VALIDATION', 'period');
    await expectError(t.as(cast.agent)('surveys.create', { period: '2026-Q4', method: 'phone' }), 'FORBIDDEN');
  });

  it('answers are checked against the form, naming the question; one response per customer', async () => {
    await respond(q3, '12F-1201', { overall: 'very', cleaning: 4 });
    await respond(q3, '12F-1202', { overall: 'ok', cleaning: '2' });
    const bad = await respond(q3, '8F-801', { overall: 'great' }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'answers.overall', message: '总体满意度 Overall: one of: very, ok, bad' }] });
    await expectError(respond(q3, '8F-801', { cleaning: 3 }), 'VALIDATION', 'answers.overall');
    await expectError(respond(q3, '12F-1201', { overall: 'bad' }), 'CONFLICT');
    await expectError(respond(9999, '12F-1201', { overall: 'bad' }), 'NOT_FOUND');
  });

  it('a survey keeps the questions it opened with when the survey form changes (R-FRM-2)', async () => {
    q4 = (await t.as(cast.supervisor)('surveys.create', { period: '2026-Q4', method: 'questionnaire' })).id;
    const v2 = await t.as(cast.admin)('forms.define', { entity: 'survey', fields: [overall, { key: 'lifts', label: '电梯 Lifts', type: 'number', required: true }] });
    expect(v2.version).toBe(2);
    await respond(q4, '12F-1201', { overall: 'very', cleaning: 5, wishes: ['parking', 'lifts'] });
    await respond(q4, '8F-801', { overall: 'ok', cleaning: 3 });
    await respond(q4, '8F-802', { overall: 'ok' });
    await respond(q4, 'B1-001', { overall: 'very', cleaning: '4' });
    await expectError(respond(q4, '3F-301', { overall: 'ok', lifts: 3 }), 'VALIDATION', 'answers.lifts');
  });

  it('results: response rate, score per question, breakdown by grade, category and floor, trend against the quarter before', async () => {
    const r = await t.as(cast.agent)('surveys.results', { id: q4 });
    // 4 of the 6 customers active when the survey opened; per response the mean scored answer: 5, 3.5, 4, 4.5.
    expect(r).toMatchObject({ population: 6, responses: 4, responseRate: 0.667, overallScore: 4.25 });
    expect(r.survey).toMatchObject({ id: q4, formVersion: 1, responses: 4 });
    const [o, c, w] = r.questions;
    expect(o).toMatchObject({ key: 'overall', answered: 4, average: 4.5 });
    expect(o!.options).toEqual([
      { value: 'very', label: '非常满意 Very satisfied', count: 2, share: 0.5 },
      { value: 'ok', label: '满意 Satisfied', count: 2, share: 0.5 },
      { value: 'bad', label: '不满意 Dissatisfied', count: 0, share: 0 },
    ]);
    expect(c).toMatchObject({ key: 'cleaning', answered: 3, average: 4, options: [] });
    expect(w).toMatchObject({ key: 'wishes', answered: 1, average: null });
    expect(w!.options.map((x) => x.count)).toEqual([1, 1, 0]);

    const by = Object.fromEntries(r.breakdowns.map((b: { by: string; rows: unknown[] }) => [b.by, b.rows]));
    expect(by.grade).toEqual([
      { label: 'A', responses: 1, averageScore: 5 },
      { label: 'B', responses: 1, averageScore: 3.5 },
      { label: 'C', responses: 2, averageScore: 4.25 },
    ]);
    expect(by.category).toEqual([
      { label: 'new', responses: 2, averageScore: 3.75 },
      { label: 'regular', responses: 1, averageScore: 4.5 },
      { label: 'vip', responses: 1, averageScore: 5 },
    ]);
    expect(by.floor).toEqual([
      { label: '8F', responses: 2, averageScore: 3.75 },
      { label: '12F', responses: 1, averageScore: 5 },
      { label: 'B1', responses: 1, averageScore: 4.5 },
    ]);

    // 2026-Q3: 2 of 6 answered, scores 4.5 and 3.
    expect(r.trend).toMatchObject({ period: '2026-Q3', surveyId: q3, responseRate: 0.333, overallScore: 3.75, scoreDelta: 0.5 });
    expect(r.trend!.rateDelta).toBeCloseTo(0.333, 2);
    expect((await t.as(cast.agent)('surveys.results', { id: q3 })).trend).toBeNull();
  });

  it('R-DOC-1 the survey results document prints the same figures', async () => {
    const { html } = await t.as(cast.manager)('documents.render', { template: 'survey-results', params: { id: q4 } });
    expect(html).toContain('66.7%');
    expect(html).toContain('4.25');
    expect(html).toContain('非常满意 Very satisfied');
    expect(html).toContain('<svg');
  });

  it('surveys.list shows surveys newest first with their response counts', async () => {
    const list = await t.as(cast.agent)('surveys.list', {});
    expect(list.map((s: { period: string; responses: number }) => [s.period, s.responses])).toEqual([
      ['2026-Q4', 4],
      ['2026-Q3', 2],
    ]);
  });
});
