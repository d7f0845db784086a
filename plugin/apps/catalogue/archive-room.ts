// 档案室: customer archives, their documents newest first, edit requests, vacating, and the yearly catalogue.
import { fx } from '../builder.js';
import { operationForm } from '../op-form.js';
import type { TemplateApp } from './types.js';
import { printButtons } from '../print.js';

export const archiveRoom: TemplateApp = {
  key: 'archive-room',
  zh: '档案室',
  en: 'Archive room',
  build(app) {
    app.page('archives', app.t('客户档案', 'Archives'), (page) => {
      page.heading('title', app.t('档案室', 'Archive room'));
      const search = app.query('findCustomers', 'customers.search', { q: '{{components.findInput.value}}', limit: '50' }, { runOnPageLoad: true });
      page.row((row) => {
        row.textInput('findInput', app.t('单元 / 姓名 / 电话', 'Unit / name / phone'), { width: 20 });
        row.button('findButton', app.t('查找', 'Find'), search, { width: 8 });
      });
      const customer = app.query('customerDetail', 'customers.get', { id: '{{components.archiveTable.selectedRow.id}}' });
      const documents = app.query('documentList', 'archives.listDocuments', { archiveId: '{{components.archiveTable.selectedRow.archiveId}}' });
      page.table(
        'archiveTable',
        search.fx('data?.items ?? []'),
        [
          { key: 'label', name: app.t('档案号', 'Archive') },
          { key: 'unit', name: app.t('单元', 'Unit'), width: 100 },
          { key: 'name', name: app.t('客户', 'Customer'), width: 200 },
          { key: 'boxNo', name: app.t('盒号', 'Box') },
          { key: 'archiveStatus', name: app.t('档案状态', 'Archive status') },
          { key: 'status', name: app.t('状态', 'Status') },
        ],
        { loading: search, onRowClicked: [customer, documents] },
      );
      page.text('documentsTitle', app.t('档案文件（最新在前）', 'Documents (newest first)'));
      page.table(
        'documentTable',
        documents.fx('[...(data ?? [])].sort((a, b) => String(b.receivedOn).localeCompare(String(a.receivedOn)))'),
        [
          { key: 'receivedOn', name: app.t('收到日期', 'Received') },
          { key: 'kind', name: app.t('类型', 'Kind') },
          { key: 'title', name: app.t('标题', 'Title'), width: 260 },
          { key: 'pages', name: app.t('页数', 'Pages'), type: 'number', width: 80 },
          { key: 'current', name: app.t('现行', 'Current'), type: 'boolean', width: 80 },
        ],
        { height: 260, loading: documents },
      );
      const selectedArchive = fx('components.archiveTable.selectedRow?.archiveId');
      page.tabs('archiveActions', [
        {
          id: 'add',
          title: app.t('新增文件', 'Add a document'),
          build: (tab) =>
            void operationForm(app, tab, 'addDocument', 'archives.addDocument', {
              fixed: { archiveId: selectedArchive },
              query: { success: app.t('文件已归档', 'Document filed'), refresh: [documents] },
            }),
        },
        {
          id: 'edit',
          title: app.t('修改申请', 'Edit request'),
          build: (tab) =>
            void operationForm(app, tab, 'requestEdit', 'customers.update', {
              fixed: { id: fx('components.archiveTable.selectedRow?.id') },
              include: ['name', 'notes', 'reason'],
              query: { success: app.t('已提交（机密客户需经理审批）', 'Saved (confidential customers wait for a manager)'), refresh: [customer, search] },
            }),
        },
        {
          id: 'vacate',
          title: app.t('迁出', 'Vacate'),
          build: (tab) =>
            void operationForm(app, tab, 'vacateCustomer', 'customers.vacate', {
              fixed: { id: fx('components.archiveTable.selectedRow?.id') },
              include: ['boxNo'],
              query: { success: app.t('已迁出，档案转存', 'Vacated; archive moved'), refresh: [search] },
            }),
        },
      ]);
    });
    app.page('edits', app.t('修改审批', 'Edit approvals'), (page) => {
      const edits = app.query('pendingEdits', 'edits.list', { state: 'pending', limit: '50' }, { runOnPageLoad: true });
      page.heading('editsTitle', app.t('待审批的修改', 'Edits waiting for approval'));
      page.table(
        'editTable',
        edits.fx('data?.items ?? []'),
        [
          { key: 'unit', name: app.t('单元', 'Unit') },
          { key: 'customerName', name: app.t('客户', 'Customer') },
          { key: 'reason', name: app.t('原因', 'Reason'), width: 240 },
          { key: 'requestedByName', name: app.t('申请人', 'Requested by') },
          { key: 'requestedAt', name: app.t('申请时间', 'Requested at'), width: 180 },
        ],
        { loading: edits },
      );
      const editId = fx('components.editTable.selectedRow?.id');
      page.row((row) => {
        operationForm(app, row, 'approveEdit', 'edits.approve', { fixed: { id: editId }, query: { success: app.t('已批准', 'Approved'), refresh: [edits] } });
        operationForm(app, row, 'rejectEdit', 'edits.reject', { fixed: { id: editId }, query: { success: app.t('已驳回', 'Rejected'), refresh: [edits] } });
      });
    });
    app.page('catalogue', app.t('档案目录', 'Catalogue'), (page) => {
      const catalogue = app.query('catalogue', 'archives.catalogue', { year: '{{components.yearInput.value || new Date().getFullYear()}}' }, { runOnPageLoad: true });
      page.row((row) => {
        row.numberInput('yearInput', app.t('年份', 'Year'), { width: 10 });
        row.button('catalogueButton', app.t('生成目录', 'Build catalogue'), catalogue, { width: 10 });
      });
      page.table(
        'catalogueTable',
        catalogue.fx('(data?.floors ?? []).map(f => ({ floor: f.floor, archives: (f.archives ?? []).length }))'),
        [
          { key: 'floor', name: app.t('楼层', 'Floor'), type: 'number' },
          { key: 'archives', name: app.t('档案数', 'Archives'), type: 'number' },
        ],
        { loading: catalogue },
      );
      printButtons(app, page, [
        { template: 'vacated-catalogue', label: app.t('退伙档案目录', 'Vacated catalogue'), params: '({ year: Number(components.yearInput.value) || new Date().getFullYear() })' },
      ]);
    });
  },
};
