// 经理看板: the month's figures, on-time rates, satisfaction, charts, and what waits for a manager's approval.
import { fx } from '../builder.js';
import type { TemplateApp } from './types.js';
import { printButtons } from '../print.js';

const pairs = (js: string): string => fx(`Object.entries(${js} ?? {}).map(([x, y]) => ({ x, y }))`);

export const managerDashboard: TemplateApp = {
  key: 'manager-dashboard',
  zh: '经理看板',
  en: 'Manager dashboard',
  build(app) {
    app.page('dashboard', app.t('看板', 'Dashboard'), (page) => {
      page.heading('title', app.t('经理看板', 'Manager dashboard'));
      const month = fx(`components.monthInput.value || moment().format('YYYY-MM')`);
      const report = app.query('monthly', 'reports.monthly', { month, topUnits: '10' }, { runOnPageLoad: true });
      page.row((row) => {
        row.textInput('monthInput', app.t('月份', 'Month'), { placeholder: '2026-01', width: 10 });
        row.button('reportButton', app.t('刷新', 'Refresh'), report, { width: 8 });
      });
      const surveys = app.query('surveyList', 'surveys.list', { limit: '20' }, { runOnPageLoad: true });
      page.row((row) => {
        row.dropdown('surveySelect', app.t('调查', 'Survey'), surveys.fx('(data ?? []).map(s => ({ label: s.title ?? String(s.id), value: s.id }))'), { width: 16 });
      });
      const chosenMonth = `(components.monthInput.value || moment().format('YYYY-MM'))`;
      printButtons(app, page, [
        { template: 'monthly-analysis', label: app.t('月度分析', 'Monthly analysis'), params: `({ month: ${chosenMonth} })` },
        {
          template: 'quarterly-summary',
          label: app.t('季度小结', 'Quarterly summary'),
          params: `({ quarter: ${chosenMonth}.slice(0, 4) + '-Q' + Math.ceil(Number(${chosenMonth}.slice(5, 7)) / 3) })`,
        },
        { template: 'survey-results', label: app.t('满意度调查结果', 'Survey results'), params: '({ id: components.surveySelect.value })', disabled: fx('!components.surveySelect.value') },
      ]);
      page.row((row) => {
        row.statistic('closureStat', app.t('结案率', 'Closed'), report.fx('data?.closure?.percent ?? 0'), { suffix: '%' });
        row.statistic('satisfactionStat', app.t('满意率', 'Satisfied'), report.fx('data?.satisfaction?.percent ?? 0'), { suffix: '%' });
        row.statistic('handlingStat', app.t('投诉平均处理（小时）', 'Complaint hours (avg)'), report.fx('data?.handling?.averageHours ?? 0'));
        row.statistic('repeatStat', app.t('重复投诉', 'Repeat complaints'), report.fx('data?.repeatComplaints ?? 0'), { width: 9 });
      });
      page.table(
        'onTimeTable',
        report.fx('data?.onTime ?? []'),
        [
          { key: 'clock', name: app.t('时限', 'Clock') },
          { key: 'onTime', name: app.t('按时', 'On time'), type: 'number' },
          { key: 'late', name: app.t('超时', 'Late'), type: 'number' },
          { key: 'running', name: app.t('进行中', 'Running'), type: 'number' },
          { key: 'percent', name: app.t('按时率 %', 'On-time %'), type: 'number' },
        ],
        { height: 220, loading: report },
      );
      page.row((row) => {
        row.chart('kindChart', app.t('按类型', 'By kind'), 'bar', pairs(report.js('data?.counts?.kind')), { width: 20 });
        row.chart('departmentChart', app.t('按部门', 'By department'), 'bar', pairs(report.js('data?.counts?.department')), { width: 20 });
      });
      page.row((row) => {
        row.chart('channelChart', app.t('按渠道', 'By channel'), 'pie', pairs(report.js('data?.counts?.channel')), { width: 20 });
        row.chart('severityChart', app.t('按严重程度', 'By severity'), 'pie', pairs(report.js('data?.counts?.severity')), { width: 20 });
      });
    });
    app.page('approvals', app.t('待审批', 'Approvals'), (page) => {
      page.heading('approvalsTitle', app.t('等待审批', 'Waiting for approval'));
      const loans = app.query('loansWaiting', 'loans.list', { state: 'requested', limit: '50' }, { runOnPageLoad: true });
      const edits = app.query('editsWaiting', 'edits.list', { state: 'pending', limit: '50' }, { runOnPageLoad: true });
      const transfers = app.query('transfersWaiting', 'tickets.search', { state: 'transfer_pending', limit: '50' }, { runOnPageLoad: true });
      page.row((row) => {
        row.statistic('loansStat', app.t('借阅申请', 'Loan requests'), loans.fx('(data?.items ?? []).length'));
        row.statistic('editsStat', app.t('修改申请', 'Edit requests'), edits.fx('(data?.items ?? []).length'));
        row.statistic('transfersStat', app.t('转办申请', 'Transfers'), transfers.fx('(data?.items ?? []).length'));
      });
      page.table(
        'loansWaitingTable',
        loans.fx('data?.items ?? []'),
        [
          { key: 'label', name: app.t('档案号', 'Archive') },
          { key: 'borrowerName', name: app.t('借阅人', 'Borrower') },
          { key: 'purpose', name: app.t('用途', 'Purpose'), width: 240 },
          { key: 'requestedAt', name: app.t('申请时间', 'Requested'), width: 180 },
        ],
        { height: 220, loading: loans },
      );
      page.table(
        'editsWaitingTable',
        edits.fx('data?.items ?? []'),
        [
          { key: 'unit', name: app.t('单元', 'Unit') },
          { key: 'customerName', name: app.t('客户', 'Customer') },
          { key: 'reason', name: app.t('原因', 'Reason'), width: 240 },
          { key: 'requestedByName', name: app.t('申请人', 'Requested by') },
        ],
        { height: 220, loading: edits },
      );
      page.table(
        'transfersWaitingTable',
        transfers.fx('data?.items ?? []'),
        [
          { key: 'number', name: app.t('工单号', 'Number') },
          { key: 'matter', name: app.t('事由', 'Matter'), width: 240 },
          { key: 'departmentName', name: app.t('部门', 'Department') },
        ],
        { height: 220, loading: transfers },
      );
    });
  },
};
