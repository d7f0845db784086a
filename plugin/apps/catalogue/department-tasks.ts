// 部门任务: "my queue" for a department head and their staff, what falls due soon, and the work actions.
import { ticketActionTabs, ticketChoices, ticketColumns, ticketDetail } from '../ticket-actions.js';
import type { TemplateApp } from './types.js';

export const departmentTasks: TemplateApp = {
  key: 'department-tasks',
  zh: '部门任务',
  en: 'Department tasks',
  build(app) {
    app.page('queue', app.t('我的任务', 'My queue'), (page) => {
      page.heading('title', app.t('部门任务', 'Department tasks'));
      const queue = app.query('myQueue', 'tickets.myQueue', { limit: '50' }, { runOnPageLoad: true });
      const dueSoon = app.query('dueSoon', 'tickets.dueSoon', { withinHours: '24', mine: 'true' }, { runOnPageLoad: true });
      const detail = app.query('taskDetail', 'tickets.get', { id: '{{components.queueTable.selectedRow.id}}' });
      page.table('queueTable', queue.fx('data?.items ?? []'), ticketColumns(app), { loading: queue, onRowClicked: [detail] });
      page.text('dueSoonTitle', app.t('24 小时内到期', 'Due within 24 hours'));
      page.table(
        'dueSoonTable',
        dueSoon.fx('data ?? []'),
        [
          { key: 'number', name: app.t('工单号', 'Number') },
          { key: 'matter', name: app.t('事由', 'Matter'), width: 240 },
          { key: 'clock', name: app.t('时限', 'Clock') },
          { key: 'dueAt', name: app.t('到期', 'Due'), width: 180, background: '{{rowData.overdue ? "#fde2e1" : ""}}' },
        ],
        { height: 200, loading: dueSoon },
      );
      ticketDetail(app, page, 'task', detail);
      const staff = app.query('staffList', 'staff.list', { departmentCode: app.params.department }, { runOnPageLoad: true });
      const departments = app.query('departmentList', 'departments.list', {}, { runOnPageLoad: true });
      const settings = app.query('settings', 'settings.get', {}, { runOnPageLoad: true });
      ticketActionTabs(app, page, 'work', detail, {
        actions: ['acceptTransfer', 'start', 'waitCustomer', 'resume', 'resolve', 'requestTransfer', 'signOff'],
        refresh: [queue, dueSoon],
        choices: ticketChoices(staff, departments, settings),
      });
    });
  },
};
