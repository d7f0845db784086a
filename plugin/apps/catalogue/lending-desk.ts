// 档案借阅: requests, approvals, issue and return, and the overdue register.
import { fx } from '../builder.js';
import { fieldChoices, operationForm } from '../op-form.js';
import type { TemplateApp } from './types.js';

export const lendingDesk: TemplateApp = {
  key: 'lending-desk',
  zh: '档案借阅',
  en: 'Lending desk',
  build(app) {
    const loanColumns = [
      { key: 'label', name: app.t('档案号', 'Archive') },
      { key: 'unit', name: app.t('单元', 'Unit'), width: 90 },
      { key: 'borrowerName', name: app.t('借阅人', 'Borrower') },
      { key: 'purpose', name: app.t('用途', 'Purpose'), width: 200 },
      { key: 'state', name: app.t('状态', 'State') },
      { key: 'dueAt', name: app.t('应还', 'Due'), width: 180, background: '{{rowData.overdue ? "#fde2e1" : ""}}' },
      { key: 'queuePosition', name: app.t('排队', 'Queue'), type: 'number' as const, width: 80 },
    ];
    app.page('loans', app.t('借阅', 'Loans'), (page) => {
      page.heading('title', app.t('档案借阅', 'Lending desk'));
      const loans = app.query('loanList', 'loans.list', { state: '{{components.loanState.value}}', limit: '50' }, { runOnPageLoad: true });
      page.row((row) => {
        row.dropdown('loanState', app.t('状态', 'State'), fieldChoices('loans.list', 'state').map((s) => ({ value: s, label: s })), { width: 12, onSelect: [loans] });
      });
      page.table('loanTable', loans.fx('data?.items ?? []'), loanColumns, { loading: loans });
      const loanId = fx('components.loanTable.selectedRow?.id');
      const done = (zh: string, en: string) => ({ success: app.t(zh, en), refresh: [loans] });
      page.tabs('loanActions', [
        {
          id: 'request',
          title: app.t('借阅申请', 'Request'),
          build: (tab) => {
            const form = app.query('loanForm', 'forms.get', { entity: 'loan' }, { runOnPageLoad: true });
            tab.schemaForm('loanCustom', form.fx('data?.jsonSchema ?? {}'), { height: 160 });
            operationForm(app, tab, 'requestLoan', 'loans.request', { fixed: { custom: '{{components.loanCustom.data ?? {}}}' }, include: ['place'], query: done('已申请', 'Requested') });
          },
        },
        { id: 'approve', title: app.t('审批', 'Approve'), build: (tab) => void operationForm(app, tab, 'approveLoan', 'loans.approve', { fixed: { id: loanId }, query: done('已批准', 'Approved') }) },
        { id: 'reject', title: app.t('驳回', 'Reject'), build: (tab) => void operationForm(app, tab, 'rejectLoan', 'loans.reject', { fixed: { id: loanId }, query: done('已驳回', 'Rejected') }) },
        { id: 'issue', title: app.t('借出', 'Issue'), build: (tab) => void operationForm(app, tab, 'issueLoan', 'loans.issue', { fixed: { id: loanId }, include: ['pages'], query: done('已借出', 'Issued') }) },
        { id: 'return', title: app.t('归还', 'Return'), build: (tab) => void operationForm(app, tab, 'returnLoan', 'loans.return', { fixed: { id: loanId }, include: ['note'], query: done('已归还', 'Returned') }) },
        { id: 'renew', title: app.t('续借', 'Renew'), build: (tab) => void operationForm(app, tab, 'renewLoan', 'loans.renew', { fixed: { id: loanId }, query: done('已续借', 'Renewed') }) },
        { id: 'cancel', title: app.t('撤销', 'Cancel'), build: (tab) => void operationForm(app, tab, 'cancelLoan', 'loans.cancel', { fixed: { id: loanId }, query: done('已撤销', 'Cancelled') }) },
      ]);
    });
    app.page('overdue', app.t('超期登记', 'Overdue register'), (page) => {
      const overdue = app.query('overdueLoans', 'loans.list', { overdue: 'true', limit: '100' }, { runOnPageLoad: true });
      page.heading('overdueTitle', app.t('超期未还', 'Overdue loans'));
      page.table('overdueTable', overdue.fx('data?.items ?? []'), loanColumns, { loading: overdue });
      const register = app.query('loanRegister', 'loans.register', { month: fx(`components.registerMonth.value || moment().format('YYYY-MM')`) }, { runOnPageLoad: true });
      page.row((row) => {
        row.textInput('registerMonth', app.t('月份', 'Month'), { placeholder: '2026-01', width: 10 });
        row.button('registerButton', app.t('借阅登记簿', 'Lending register'), register, { width: 12 });
      });
      page.text(
        'registerTotals',
        fx(`${register.js('data?.totals')} ? Object.entries(${register.js('data.totals')}).map(([k, v]) => k + ': ' + v).join(' · ') : ''`),
      );
      page.table('registerTable', register.fx('data?.rows ?? []'), loanColumns, { loading: register });
    });
  },
};
