import type { Role } from '../../plugin/core/roles.js';
import type { TestDb } from './db.js';

/** The cast of the scenarios (SCENARIOS.md): one person per role, plus department heads. */
export interface Cast {
  admin: number;
  agent: number; // 张丽 客服助理
  agent2: number; // 刘芳
  supervisor: number; // 王敏 客务主管
  manager: number; // 李强 客务部经理
  director: number; // 赵刚 管理处主任
  engineeringHead: number; // 陈工 工程部负责人
  engineer: number; // 孙师傅 工程部
  securityHead: number; // 周队 保安部负责人
}

export async function seedCast(t: TestDb): Promise<Cast> {
  const anyone = (name: string, input: Record<string, unknown>) => t.run({ kind: 'anonymous' }, name, input);
  const admin = (await anyone('staff.upsert', { name: '系统管理员', tooljetUserId: 'tj-admin', roles: ['admin'] })).id as number;
  const as = t.as(admin);
  await as('departments.upsert', { code: 'customer_service', name: '客务部 Customer service', kind: 'customer_service' });
  await as('departments.upsert', { code: 'engineering', name: '工程部 Engineering', kind: 'engineering' });
  await as('departments.upsert', { code: 'security', name: '保安部 Security', kind: 'security' });
  const add = async (name: string, roles: Role[], departmentCode: string, tooljetUserId: string) => (await as('staff.upsert', { name, roles, departmentCode, tooljetUserId })).id as number;
  return {
    admin,
    agent: await add('张丽', ['agent'], 'customer_service', 'tj-agent'),
    agent2: await add('刘芳', ['agent'], 'customer_service', 'tj-agent2'),
    supervisor: await add('王敏', ['supervisor'], 'customer_service', 'tj-supervisor'),
    manager: await add('李强', ['manager'], 'customer_service', 'tj-manager'),
    director: await add('赵刚', ['director'], 'customer_service', 'tj-director'),
    engineeringHead: await add('陈工', ['dept_head'], 'engineering', 'tj-eng-head'),
    engineer: await add('孙师傅', ['agent'], 'engineering', 'tj-engineer'),
    securityHead: await add('周队', ['dept_head'], 'security', 'tj-sec-head'),
  };
}

/** The October 2026 calendar of SCENARIOS.md: National Day holidays and the make-up Saturday. */
export async function seedScenarioCalendar(t: TestDb, adminId: number): Promise<void> {
  const holidays = ['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'holiday' as const, name: '国庆节' }));
  await t.as(adminId)('calendar.setDays', { days: [...holidays, { date: '2026-10-10', kind: 'workday', name: '调休上班' }] });
}
