// The demo satisfaction survey (满意度调查): the survey form and the last two quarters' surveys through
// the operations, their answers (a third to a half of the current customers) written set-based.
import { DateTime } from 'luxon';
import { insertRows } from './bulk.js';
import type { SeedContext } from './types.js';

const scale = [5, 4, 3, 2, 1].map((score) => ({ value: String(score), label: `${score} 分`, score }));

export async function seedSurveys(s: SeedContext): Promise<void> {
  const { env } = s;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(s.random() * xs.length)] as T;
  const admin = s.as(s.staff.admin);
  const supervisor = s.staff.supervisors[0]!;
  await admin('forms.define', {
    entity: 'survey',
    fields: [
      { key: 'overall', label: '总体满意度 Overall', type: 'select', required: true, options: scale },
      { key: 'repairs', label: '维修及时 Repairs on time', type: 'select', options: scale },
      { key: 'cleaning', label: '保洁评分 Cleaning (1–5)', type: 'number', min: 1, max: 5 },
      { key: 'wishes', label: '希望改进 To improve', type: 'multi_select', options: ['parking', 'lifts', 'security', 'greenery'] },
    ],
  });
  const customers = await env.db.transaction((tx) => tx.query<{ id: number }>(`select id from customers where site = $1 and status = 'active' order by id`, [env.site]));
  const now = DateTime.now().setZone(env.zone);
  const quarters = [now.minus({ quarters: 2 }), now.minus({ quarters: 1 })];
  const responses: Record<string, unknown>[] = [];
  for (const [n, q] of quarters.entries()) {
    const openedAt = q.startOf('quarter').plus({ days: 75, hours: 10 }).toJSDate();
    s.setNow(openedAt);
    const survey = await s.as(supervisor)('surveys.create', { period: `${q.year}-Q${q.quarter}`, method: 'questionnaire' });
    // Later quarters score a little better: the year's repairs and retraining show.
    const lift = n * 0.3;
    for (const c of customers) {
      if (s.random() > 0.35 + n * 0.1) continue;
      const overall = Math.min(5, Math.max(1, Math.round(3.6 + lift + (s.random() - 0.4) * 2.4)));
      const answers = {
        overall: String(overall),
        repairs: String(Math.min(5, overall + (s.random() < 0.3 ? -1 : 0))),
        cleaning: 3 + Math.floor(s.random() * 3),
        wishes: [pick(['parking', 'lifts', 'security', 'greenery'])],
      };
      responses.push({
        survey_id: survey.id,
        customer_id: c.id,
        method: 'questionnaire',
        answers,
        taken_by: pick(s.staff.agents),
        created_at: new Date(openedAt.getTime() + s.random() * 10 * 86_400_000),
      });
    }
  }
  s.setNow(null);
  await env.db.transaction((tx) => insertRows(tx, env.site, 'survey_responses', responses));
}
