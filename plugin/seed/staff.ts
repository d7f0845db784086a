import type { Caller } from '../core/caller.js';
import type { Role } from '../core/roles.js';
import type { SeedStaff } from './types.js';

type DayKind = 'holiday' | 'workday';

export interface DemoKey {
  name: string;
  roles: string;
  apiKey: string;
}

const departments = [
  { code: 'customer_service', name: '客务部 Customer service', kind: 'customer_service' },
  { code: 'engineering', name: '工程部 Engineering', kind: 'engineering' },
  { code: 'security', name: '保安部 Security', kind: 'security' },
  { code: 'cleaning', name: '保洁部 Cleaning', kind: 'cleaning' },
  { code: 'management', name: '管理处 Management office', kind: 'management' },
] as const;

// name, roles, department, ToolJet user id (demo)
const people: [string, Role[], string][] = [
  ['李强', ['manager'], 'customer_service'],
  ['赵刚', ['director'], 'management'],
  ['王敏', ['supervisor'], 'customer_service'],
  ['黄蕾', ['supervisor'], 'customer_service'],
  ['张丽', ['agent'], 'customer_service'],
  ['刘芳', ['agent'], 'customer_service'],
  ['陈晨', ['agent'], 'customer_service'],
  ['陈建国', ['dept_head'], 'engineering'],
  ['孙师傅', ['agent'], 'engineering'],
  ['吴师傅', ['agent'], 'engineering'],
  ['周队长', ['dept_head'], 'security'],
  ['郑保安', ['agent'], 'security'],
  ['冯阿姨', ['dept_head'], 'cleaning'],
  ['钱立新', ['dept_head'], 'management'],
];

/** Departments and one person per role (each with an API key for the local service). */
export async function seedStaff(anonymous: Caller, as: (id: number) => Caller): Promise<{ staff: SeedStaff; keys: DemoKey[] }> {
  const admin = await anonymous('staff.upsert', { name: '系统管理员', roles: ['admin'], tooljetUserId: 'demo-admin', issueApiKey: true });
  const run = as(admin.id);
  const keys: DemoKey[] = [{ name: admin.name, roles: 'admin', apiKey: admin.apiKey ?? '' }];
  for (const d of departments) await run('departments.upsert', d);
  const staff: SeedStaff = { admin: admin.id, agents: [], supervisors: [], managers: [], directors: [], heads: {}, departments: {} };
  for (const [i, [name, roles, departmentCode]] of people.entries()) {
    const s = await run('staff.upsert', { name, roles, departmentCode, tooljetUserId: `demo-${i + 1}`, email: `staff${i + 1}@example.com`, issueApiKey: true });
    keys.push({ name, roles: `${roles.join(',')}@${departmentCode}`, apiKey: s.apiKey ?? '' });
    (staff.departments[departmentCode] ??= []).push(s.id);
    if (roles.includes('dept_head')) staff.heads[departmentCode] = s.id;
    else if (roles.includes('director')) staff.directors.push(s.id);
    else if (roles.includes('manager')) staff.managers.push(s.id);
    else if (roles.includes('supervisor')) staff.supervisors.push(s.id);
    else if (departmentCode === 'customer_service') staff.agents.push(s.id);
  }
  return { staff, keys };
}

/**
 * Public holidays and make-up working days of the demo calendar (the 2026 pattern, moved to the years
 * around `year` so the demo's year of history has them; administrators keep the real ones with calendar.setDays).
 */
export function demoCalendar(year: number): { date: string; kind: DayKind; name: string }[] {
  const days: [string, DayKind, string][] = [
    ['01-01', 'holiday', '元旦'],
    ['01-02', 'holiday', '元旦'],
    ['01-03', 'holiday', '元旦'],
    ['01-04', 'workday', '元旦调休'],
    ...['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d): [string, DayKind, string] => [`02-${d}`, 'holiday', '春节']),
    ['02-14', 'workday', '春节调休'],
    ['02-28', 'workday', '春节调休'],
    ['04-04', 'holiday', '清明节'],
    ['04-05', 'holiday', '清明节'],
    ['04-06', 'holiday', '清明节'],
    ...['01', '02', '03', '04', '05'].map((d): [string, DayKind, string] => [`05-${d}`, 'holiday', '劳动节']),
    ['05-09', 'workday', '劳动节调休'],
    ['06-19', 'holiday', '端午节'],
    ['06-20', 'holiday', '端午节'],
    ['06-21', 'holiday', '端午节'],
    ['09-25', 'holiday', '中秋节'],
    ['09-26', 'holiday', '中秋节'],
    ['09-27', 'holiday', '中秋节'],
    ...['01', '02', '03', '04', '05', '06', '07'].map((d): [string, DayKind, string] => [`10-${d}`, 'holiday', '国庆节']),
    ['10-10', 'workday', '国庆节调休'],
  ];
  // A make-up working day must fall on a weekend; in years where it does not, it is left out.
  const weekend = (date: string) => [0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay());
  return [year - 1, year].flatMap((y) => days.map(([md, kind, name]) => ({ date: `${y}-${md}`, kind, name })).filter((d) => d.kind === 'holiday' || weekend(d.date)));
}
