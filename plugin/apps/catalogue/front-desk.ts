// 前台接待: register a ticket for a customer found by unit; shows the new number and its SLA due times.
import { fx } from '../builder.js';
import { kindLabel } from '../labels.js';
import { fieldChoices } from '../op-form.js';
import type { TemplateApp } from './types.js';

export const frontDesk: TemplateApp = {
  key: 'front-desk',
  zh: '前台接待',
  en: 'Front desk',
  build(app) {
    app.page('intake', app.t('登记', 'Intake'), (page) => {
      page.heading('title', app.t('前台接待', 'Front desk'));
      const customers = app.query('customersByUnit', 'customers.search', { unit: '{{components.unitInput.value}}', limit: '20' });
      page.row((row) => {
        row.textInput('unitInput', app.t('单元', 'Unit'), { placeholder: '12F-1203', width: 14 });
        row.button('lookupButton', app.t('查找客户', 'Find customer'), customers, { width: 10 });
      });
      page.table(
        'customerTable',
        customers.fx('data?.items ?? []'),
        [
          { key: 'unit', name: app.t('单元', 'Unit'), width: 100 },
          { key: 'name', name: app.t('客户', 'Customer'), width: 200 },
          { key: 'category', name: app.t('类别', 'Category') },
          { key: 'grade', name: app.t('等级', 'Grade'), width: 80 },
          { key: 'status', name: app.t('状态', 'Status') },
        ],
        { height: 220, loading: customers },
      );
      const form = app.query('ticketForm', 'forms.get', { entity: 'ticket:{{components.kindSelect.value || "complaint"}}' }, { runOnPageLoad: true });
      page.row((row) => {
        row.dropdown(
          'kindSelect',
          app.t('类型', 'Kind'),
          fieldChoices('tickets.open', 'kind').map((k) => ({ value: k, label: kindLabel(app, k) })),
          { value: 'complaint', width: 14, onSelect: [form] },
        );
        row.dropdown(
          'channelSelect',
          app.t('渠道', 'Channel'),
          fieldChoices('tickets.open', 'channel').map((c) => ({ value: c, label: c })),
          { value: 'phone', width: 14 },
        );
      });
      // R-DAY-2 severity at intake and R-DAY-1 a call entered after it came in (blank: now).
      page.row((row) => {
        row.dropdown(
          'severitySelect',
          app.t('严重程度', 'Severity'),
          fieldChoices('tickets.open', 'severity').map((v) => ({ value: v, label: v })),
          { width: 14 },
        );
        row.textInput('receivedInput', app.t('来电/来访时间', 'Received at'), { width: 14, placeholder: '2026-02-13 16:00' });
      });
      page.textInput('matterInput', app.t('事由', 'Matter'), { placeholder: app.t('一句话说明', 'One line') });
      page.textArea('contentInput', app.t('详细内容', 'Details'));
      page.row((row) => {
        row.textInput('nameInput', app.t('来电人', 'Caller'), { width: 14, value: fx(`components.customerTable.selectedRow?.name ?? ''`) });
        row.textInput('phoneInput', app.t('联系电话', 'Phone'), { width: 14 });
      });
      // R-DAY-7: a call about an open incident (a burst pipe …) is linked to it at intake.
      const incidents = app.query('openIncidents', 'incidents.list', { state: 'open' }, { runOnPageLoad: true });
      page.dropdown('incidentSelect', app.t('关联事件', 'Incident'), incidents.fx('(data ?? []).map(i => ({ label: i.title, value: i.id }))'), { width: 28 });
      page.text('customHint', app.t('本部门附加信息（在“表单设置”中维护）', 'Department fields (kept in the Form designer)'));
      page.schemaForm('customFields', form.fx('data?.formSchema ?? {}'));
      const open = app.query(
        'openTicket',
        'tickets.open',
        {
          kind: '{{components.kindSelect.value}}',
          channel: '{{components.channelSelect.value}}',
          matter: '{{components.matterInput.value}}',
          content: '{{components.contentInput.value}}',
          unit: '{{components.unitInput.value}}',
          customerId: fx(`components.customerTable.selectedRow?.id ?? ''`),
          complainantName: '{{components.nameInput.value}}',
          complainantPhone: '{{components.phoneInput.value}}',
          custom: '{{components.customFields.data ?? {}}}',
          incidentId: fx(`components.incidentSelect.value ?? ''`),
          severity: fx(`components.severitySelect.value ?? ''`),
          receivedAt: '{{components.receivedInput.value}}',
        },
        { success: `${app.t('已登记', 'Registered')} {{queries.openTicket.data.number}}` },
      );
      page.button('openButton', app.t('登记工单', 'Register ticket'), open, { width: 14 });
      page.text('ticketResult', fx(`${open.js('data')} ? \`<b>\${${open.js('data.number')}}</b> · \${(${open.js('data.clocks')} ?? []).map(c => c.clock + ' ' + c.dueAt).join(' · ')}\` : ''`), {
        height: 60,
      });
    });
  },
};
