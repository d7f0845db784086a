// 回访: callbacks due today, record the outcome, reopen a ticket the customer was dissatisfied with.
import { isAllowed, ticketStates, type TicketAction } from '../../areas/tickets/model.js';
import { fx } from '../builder.js';
import { operationForm } from '../op-form.js';
import type { TemplateApp } from './types.js';
import { printButtons } from '../print.js';

export const callbackDesk: TemplateApp = {
  key: 'callback-desk',
  zh: '回访',
  en: 'Callback desk',
  build(app) {
    app.page('callbacks', app.t('今日回访', 'Callbacks due'), (page) => {
      page.heading('title', app.t('回访', 'Callback desk'));
      const due = app.query('callbacksDue', 'callbacks.due', { until: fx(`moment().format('YYYY-MM-DD')`) }, { runOnPageLoad: true });
      const selected = (path: string) => fx(`components.callbackTable.selectedRow?.${path}`);
      // Disabled unless the selected ticket's state allows the action (states from the ticket state machine).
      const allowedFor = (action: TicketAction) => fx(`!${JSON.stringify(ticketStates.filter((s) => isAllowed(s, action)))}.includes(components.callbackTable.selectedRow?.state)`);
      page.table(
        'callbackTable',
        due.fx('data ?? []'),
        [
          { key: 'number', name: app.t('工单号', 'Number') },
          { key: 'dueOn', name: app.t('应回访日', 'Due on'), background: '{{rowData.overdue ? "#fde2e1" : ""}}' },
          { key: 'matter', name: app.t('事由', 'Matter'), width: 240 },
          { key: 'unit', name: app.t('单元', 'Unit') },
          { key: 'complainantName', name: app.t('客户', 'Customer') },
          { key: 'complainantPhone', name: app.t('电话', 'Phone') },
          { key: 'firstOwnerName', name: app.t('首问责任人', 'First owner') },
        ],
        { loading: due },
      );
      page.row((row) => void row.numberInput('statsYear', app.t('统计年份', 'Statistics year'), { width: 10 }));
      printButtons(app, page, [{ template: 'callback-stats', label: app.t('回访统计', 'Callback statistics'), params: '({ year: Number(components.statsYear.value) || new Date().getFullYear() })' }]);
      page.container('recordBox', (box) => {
        box.text('recordTitle', app.t('记录回访结果', 'Record the outcome'));
        operationForm(app, box, 'recordCallback', 'tickets.recordCallback', {
          fixed: { id: selected('ticketId') },
          include: ['comment', 'nextCallbackOn'],
          disabled: allowedFor('recordCallback'),
          query: { success: app.t('回访已记录', 'Callback recorded'), refresh: [due] },
        });
      });
      page.container('reopenBox', (box) => {
        box.text('reopenTitle', app.t('不满意：重新打开（经理）', 'Dissatisfied: reopen (manager)'));
        operationForm(app, box, 'reopenTicket', 'tickets.reopen', {
          fixed: { id: selected('ticketId') },
          disabled: allowedFor('reopen'),
          query: { success: app.t('工单已重新打开', 'Ticket reopened'), refresh: [due] },
        });
      });
    });
  },
};
