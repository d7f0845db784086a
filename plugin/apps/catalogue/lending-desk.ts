// 档案借阅: requests, approvals, issue and return, and the overdue register.
import { loanTransitions, type LoanAction } from '../../areas/loans/model.js';
import { fx, type AppBuilder, type Region } from '../builder.js';
import { fieldChoices, operationForm } from '../op-form.js';
import type { TemplateApp } from './types.js';
import { printButtons } from '../print.js';

const loanInputs: Partial<Record<LoanAction, readonly string[]>> = { issue: ['pages'], return: ['note'] };
const loanTitles: Record<LoanAction, [string, string]> = {
  approve: ['审批', 'Approve'],
  reject: ['驳回', 'Reject'],
  cancel: ['撤销', 'Cancel'],
  issue: ['借出', 'Issue'],
  return: ['归还', 'Return'],
  renew: ['续借', 'Renew'],
};
const loanActionTitle = (app: AppBuilder, action: LoanAction): string => app.t(...loanTitles[action]);

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
        row.dropdown(
          'loanState',
          app.t('状态', 'State'),
          fieldChoices('loans.list', 'state').map((s) => ({ value: s, label: s })),
          { width: 12, onSelect: [loans] },
        );
      });
      page.table('loanTable', loans.fx('data?.items ?? []'), loanColumns, { loading: loans });
      const loanId = fx('components.loanTable.selectedRow?.id');
      printButtons(app, page, [
        { template: 'loan-slip', label: app.t('借阅单', 'Loan slip'), params: '({ id: components.loanTable.selectedRow?.id })', disabled: fx('!components.loanTable.selectedRow?.id') },
      ]);
      page.tabs('loanActions', [
        {
          id: 'request',
          title: app.t('借阅申请', 'Request'),
          build: (tab) => {
            const form = app.query('loanForm', 'forms.get', { entity: 'loan' }, { runOnPageLoad: true });
            tab.schemaForm('loanCustom', form.fx('data?.formSchema ?? {}'), { height: 160 });
            operationForm(app, tab, 'requestLoan', 'loans.request', {
              fixed: { custom: '{{components.loanCustom.data ?? {}}}' },
              include: ['place'],
              query: { success: app.t('已申请', 'Requested'), refresh: [loans] },
            });
          },
        },
        ...(Object.keys(loanTransitions) as LoanAction[]).map((action) => ({
          id: action,
          title: loanActionTitle(app, action),
          build: (tab: Region) =>
            void operationForm(app, tab, `${action}Loan`, `loans.${action}`, {
              fixed: { id: loanId },
              include: loanInputs[action],
              button: loanActionTitle(app, action),
              // Enabled only in the states the action may start from (R-LEN-1).
              disabled: fx(`!${JSON.stringify(loanTransitions[action])}.includes(components.loanTable.selectedRow?.state)`),
              query: { success: `${loanActionTitle(app, action)} ✓`, refresh: [loans] },
            }),
        })),
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
      page.text('registerTotals', fx(`${register.js('data?.totals')} ? Object.entries(${register.js('data.totals')}).map(([k, v]) => k + ': ' + v).join(' · ') : ''`));
      page.table('registerTable', register.fx('data?.rows ?? []'), loanColumns, { loading: register });
    });
  },
};
