// The ticket actions panel shared by the ticket board, department tasks and callback desk: one tab per state-machine
// action (names from plugin/tickets/machine.ts, inputs from each operation's schema), enabled when the selected
// ticket allows it. Roles are still checked by the plugin: a refused action shows its FORBIDDEN message.
import type { TicketAction } from '../areas/tickets/model.js';
import { fx, type AppBuilder, type QueryRef, type Region } from './builder.js';
import { actionLabel } from './labels.js';
import { operationForm } from './op-form.js';

// Optional inputs worth showing: the responsible department is required on a ticket's first dispatch; every
// action may be entered after the fact with when it really happened (R-DAY-1).
const extraInputs: Partial<Record<TicketAction, readonly string[]>> = { assign: ['departmentId'], acceptTransfer: ['assigneeId'], recordFinding: ['note'] };
const lateEntry = ['occurredAt'];

export interface TicketActionTabs {
  actions: readonly TicketAction[];
  /** Queries re-run after an action succeeds (the lists the ticket appears in). */
  refresh: readonly QueryRef[];
  /** Dropdown choices for id and key fields (assigneeId, departmentId, category, …). */
  choices?: Readonly<Record<string, string>>;
}

export function ticketActionTabs(app: AppBuilder, region: Region, name: string, detail: QueryRef, o: TicketActionTabs): void {
  const { actions, refresh } = o;
  region.tabs(
    name,
    actions.map((action) => ({
      id: action,
      title: actionLabel(app, action),
      build: (tab: Region) => {
        operationForm(app, tab, `${name}_${action}`, `tickets.${action}`, {
          fixed: { id: detail.fx('data.id'), expectedVersion: detail.fx('data.version') },
          button: actionLabel(app, action),
          include: [...(extraInputs[action] ?? []), ...lateEntry],
          choices: o.choices,
          disabled: fx(`!(${detail.js('data?.allowedActions')} ?? []).includes(${JSON.stringify(action)})`),
          query: { success: `${actionLabel(app, action)} ✓ ${detail.fx('data.number')}`, refresh: [detail, ...refresh] },
        });
      },
    })),
  );
}

/** `{{ }}` choices: staff, departments and ticket categories, from queries the app runs on page load. */
export function ticketChoices(staff: QueryRef, departments: QueryRef, settings: QueryRef): Record<string, string> {
  const departmentChoices = departments.fx('(data ?? []).map(d => ({ label: d.name, value: d.id }))');
  return {
    assigneeId: staff.fx('(data ?? []).filter(s => s.active).map(s => ({ label: s.name, value: s.id }))'),
    departmentId: departmentChoices,
    toDepartmentId: departmentChoices,
    category: settings.fx('(data?.tickets?.categories ?? []).map(c => ({ label: c.label, value: c.key }))'),
  };
}

/** Columns of a ticket list, overdue rows highlighted. */
export function ticketColumns(app: AppBuilder) {
  const overdue = fx(`rowData.overdue ? '#fde2e1' : ''`);
  return [
    { key: 'number', name: app.t('工单号', 'Number'), background: overdue },
    { key: 'kind', name: app.t('类型', 'Kind'), width: 90 },
    { key: 'state', name: app.t('状态', 'State'), width: 110 },
    { key: 'matter', name: app.t('事由', 'Matter'), width: 240 },
    { key: 'unit', name: app.t('单元', 'Unit'), width: 90 },
    { key: 'departmentName', name: app.t('部门', 'Department') },
    { key: 'assigneeName', name: app.t('经办人', 'Assignee') },
    { key: 'nextDueAt', name: app.t('下一期限', 'Next due'), width: 180, background: overdue },
  ] as const;
}

/** Ticket summary and timeline for the selected ticket. */
export function ticketDetail(app: AppBuilder, region: Region, prefix: string, detail: QueryRef): void {
  region.text(
    `${prefix}Summary`,
    fx(
      `${detail.js('data')} ? \`<b>\${${detail.js('data.number')}}</b> · \${${detail.js('data.state')}} · \${${detail.js('data.matter')}}<br/>` +
        `\${(${detail.js('data.clocks')} ?? []).map(c => c.clock + ': ' + c.dueAt + (c.late ? ' ⚠' : '')).join(' · ')}\` : ${JSON.stringify(app.t('请选择一张工单', 'Select a ticket'))}`,
    ),
    { height: 60 },
  );
  region.table(
    `${prefix}Timeline`,
    detail.fx('data?.timeline ?? []'),
    [
      { key: 'at', name: app.t('时间', 'At'), width: 180 },
      { key: 'operation', name: app.t('操作', 'Action') },
      { key: 'toState', name: app.t('状态', 'State') },
      { key: 'actorName', name: app.t('操作人', 'By') },
      { key: 'note', name: app.t('说明', 'Note'), width: 260 },
    ],
    { height: 240, loading: detail },
  );
}
