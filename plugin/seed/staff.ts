import type { SeedStaff } from './types.js';

type Run = (operation: string, input?: Record<string, unknown>) => Promise<any>;

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
];

// name, roles, department, ToolJet user id (demo)
const people: [string, string[], string][] = [
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
];

/** Departments and one person per role (each with an API key for the local service). */
export async function seedStaff(anonymous: Run, as: (id: number) => Run): Promise<{ staff: SeedStaff; keys: DemoKey[] }> {
  const admin = await anonymous('staff.upsert', { name: '系统管理员', roles: ['admin'], tooljetUserId: 'demo-admin', issueApiKey: true });
  const run = as(admin.id);
  const keys: DemoKey[] = [{ name: admin.name, roles: 'admin', apiKey: admin.apiKey }];
  for (const d of departments) await run('departments.upsert', d);
  const staff: SeedStaff = { admin: admin.id, agents: [], supervisors: [], managers: [], directors: [], heads: {}, departments: {} };
  for (const [i, [name, roles, departmentCode]] of people.entries()) {
    const s = await run('staff.upsert', { name, roles, departmentCode, tooljetUserId: `demo-${i + 1}`, email: `staff${i + 1}@example.com`, issueApiKey: true });
    keys.push({ name, roles: `${roles.join(',')}@${departmentCode}`, apiKey: s.apiKey });
    (staff.departments[departmentCode] ??= []).push(s.id);
    if (roles.includes('dept_head')) staff.heads[departmentCode] = s.id;
    else if (roles.includes('director')) staff.directors.push(s.id);
    else if (roles.includes('manager')) staff.managers.push(s.id);
    else if (roles.includes('supervisor')) staff.supervisors.push(s.id);
    else if (departmentCode === 'customer_service') staff.agents.push(s.id);
  }
  return { staff, keys };
}

/** 2026 public holidays and make-up working days (demo values; administrators keep them with calendar.setDays). */
export const demoCalendar2026 = [
  ...['2026-01-01', '2026-01-02', '2026-01-03'].map((date) => ({ date, kind: 'holiday', name: '元旦' })),
  { date: '2026-01-04', kind: 'workday', name: '元旦调休' },
  ...['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => ({ date: `2026-02-${d}`, kind: 'holiday', name: '春节' })),
  { date: '2026-02-14', kind: 'workday', name: '春节调休' },
  { date: '2026-02-28', kind: 'workday', name: '春节调休' },
  ...['2026-04-04', '2026-04-05', '2026-04-06'].map((date) => ({ date, kind: 'holiday', name: '清明节' })),
  ...['01', '02', '03', '04', '05'].map((d) => ({ date: `2026-05-${d}`, kind: 'holiday', name: '劳动节' })),
  { date: '2026-05-09', kind: 'workday', name: '劳动节调休' },
  ...['2026-06-19', '2026-06-20', '2026-06-21'].map((date) => ({ date, kind: 'holiday', name: '端午节' })),
  ...['2026-09-25', '2026-09-26', '2026-09-27'].map((date) => ({ date, kind: 'holiday', name: '中秋节' })),
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'holiday', name: '国庆节' })),
  { date: '2026-10-10', kind: 'workday', name: '国庆节调休' },
];
