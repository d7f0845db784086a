// 投诉处理: the queue by state with overdue rows highlighted, the selected ticket's timeline, and its actions.
import { fx } from '../builder.js';
import { fieldChoices } from '../op-form.js';
import { ticketActionTabs, ticketChoices, ticketColumns, ticketDetail } from '../ticket-actions.js';
import type { TemplateApp } from './types.js';
import { printButtons } from '../print.js';
import { incidentsPage, ticketExtras } from '../day-panels.js';

export const ticketBoard: TemplateApp = {
  key: 'ticket-board',
  zh: '投诉处理',
  en: 'Ticket board',
  build(app) {
    app.page('board', app.t('工单', 'Tickets'), (page) => {
      page.heading('title', app.t('投诉处理', 'Ticket board'));
      const list = app.query(
        'listTickets',
        'tickets.search',
        {
          state: '{{components.stateFilter.value}}',
          kind: '{{components.kindFilter.value}}',
          overdue: fx(`components.overdueFilter.value === 'true' ? true : ''`),
          q: '{{components.searchInput.value}}',
          limit: '50',
        },
        { runOnPageLoad: true },
      );
      page.row((row) => {
        row.dropdown(
          'stateFilter',
          app.t('状态', 'State'),
          fieldChoices('tickets.search', 'state').map((s) => ({ value: s, label: s })),
          { width: 8, onSelect: [list] },
        );
        row.dropdown(
          'kindFilter',
          app.t('类型', 'Kind'),
          fieldChoices('tickets.search', 'kind').map((s) => ({ value: s, label: s })),
          { width: 8, onSelect: [list] },
        );
        row.dropdown('overdueFilter', app.t('超期', 'Overdue'), app.choices([['true', '仅超期', 'overdue only']]), { width: 7, onSelect: [list] });
        row.textInput('searchInput', app.t('搜索', 'Search'), { width: 8 });
        row.button('searchButton', app.t('查询', 'Search'), list, { width: 5 });
      });
      const detail = app.query('ticketDetail', 'tickets.get', { id: '{{components.ticketTable.selectedRow.id}}' });
      page.table('ticketTable', list.fx('data?.items ?? []'), ticketColumns(app), { loading: list, onRowClicked: [detail] });
      // tickets.search looks for a two-character word among the newest tickets only; say so when they hold none.
      const hint = app.t(
        '最近的工单里没有找到。两个字的词只在最近的 50,000 张工单中查找：请输入更长的词。',
        'None among the newest tickets. A two-character word is looked for among the newest 50,000 tickets only: type a longer word.',
      );
      page.text('searchHint', fx(`${list.js('data?.nextCursor')} && (${list.js('data?.items')} ?? []).length === 0 ? ${JSON.stringify(hint)} : ''`));
      ticketDetail(app, page, 'ticket', detail);
      const ticket = { params: `({ id: ${detail.js('data?.id')} })`, disabled: fx(`!${detail.js('data?.id')}`) };
      printButtons(app, page, [
        { template: 'complaint-intake', label: app.t('投诉记录', 'Intake record'), ...ticket },
        { template: 'transfer-slip', label: app.t('转办单', 'Transfer slip'), ...ticket },
        { template: 'resolution-record', label: app.t('处理记录', 'Resolution record'), ...ticket },
      ]);
      const departments = app.query('departmentList', 'departments.list', {}, { runOnPageLoad: true });
      const staff = app.query('staffList', 'staff.list', { departmentCode: app.params.department }, { runOnPageLoad: true });
      const settings = app.query('settings', 'settings.get', {}, { runOnPageLoad: true });
      const choices = ticketChoices(staff, departments, settings);
      ticketActionTabs(app, page, 'actions', detail, {
        actions: ['acknowledge', 'classify', 'assign', 'requestTransfer', 'approveTransfer', 'escalate', 'extend', 'resolve', 'recordFinding', 'signOff', 'reply', 'close'],
        refresh: [list],
        choices,
      });
      ticketExtras(app, page, detail, choices);
      incidentsPage(app, choices);
    });
  },
};
