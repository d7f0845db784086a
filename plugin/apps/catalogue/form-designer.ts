// 表单设置: a department adds or changes the fields of its section of a form, and the wording of its documents.
// Saving sends the department's whole section (forms.define replaces a section), built from what forms.get
// returned plus the edited field, so nobody writes JSON.
import { fieldTypes } from '../../areas/forms/fields.js';
import { fx } from '../builder.js';
import { fieldChoices } from '../op-form.js';
import type { TemplateApp } from './types.js';

export const formDesigner: TemplateApp = {
  key: 'form-designer',
  zh: '表单设置',
  en: 'Form designer',
  build(app) {
    const department = JSON.stringify(app.params.department);
    app.page('fields', app.t('表单字段', 'Form fields'), (page) => {
      page.heading('title', app.t(`表单设置（${app.params.department}）`, `Form designer (${app.params.department})`));
      const form = app.query('formDef', 'forms.get', { entity: '{{components.entitySelect.value || "customer"}}' }, { runOnPageLoad: true });
      app.query('departments', 'departments.list', {}, { runOnPageLoad: true });
      page.row((row) => {
        row.dropdown(
          'entitySelect',
          app.t('表单', 'Form'),
          fieldChoices('forms.get', 'entity').map((e) => ({ value: e, label: e })),
          { value: 'customer', width: 16, onSelect: [form] },
        );
      });
      page.table(
        'fieldTable',
        form.fx('data?.fields ?? []'),
        [
          { key: 'order', name: app.t('顺序', 'Order'), type: 'number', width: 70 },
          { key: 'key', name: app.t('键', 'Key') },
          { key: 'label', name: app.t('名称', 'Label'), width: 200 },
          { key: 'type', name: app.t('类型', 'Type') },
          { key: 'required', name: app.t('必填', 'Required'), type: 'boolean', width: 80 },
          { key: 'departmentId', name: app.t('部门', 'Department'), type: 'number', width: 90 },
        ],
        { height: 260, loading: form },
      );
      const row = (path: string) => fx(`components.fieldTable.selectedRow?.${path} ?? ''`);
      page.row((r) => {
        r.textInput('fieldKey', app.t('键（英文）', 'Key'), { placeholder: 'door_code', width: 10, value: row('key') });
        r.textInput('fieldLabel', app.t('名称', 'Label'), { placeholder: app.t('门禁卡号', 'Door card no.'), width: 12, value: row('label') });
        r.dropdown(
          'fieldType',
          app.t('类型', 'Type'),
          fieldTypes.map((t) => ({ value: t, label: t })),
          { value: 'text', width: 8 },
        );
        r.dropdown(
          'fieldRequired',
          app.t('必填', 'Required'),
          app.choices([
            ['false', '否', 'no'],
            ['true', '是', 'yes'],
          ]),
          { value: 'false', width: 8 },
        );
      });
      page.textInput('fieldOptions', app.t('选项（逗号分隔，仅下拉）', 'Choices (comma-separated, select only)'));
      const section =
        `(queries.formDef.data?.fields ?? []).filter(f => f.departmentId === (queries.departments.data ?? []).find(d => d.code === ${department})?.id)` +
        `.filter(f => f.key !== components.fieldKey.value).map(({ departmentId, ...f }) => f)`;
      const edited =
        `{ key: components.fieldKey.value, label: components.fieldLabel.value, type: components.fieldType.value || 'text', ` +
        `required: components.fieldRequired.value === 'true', ` +
        `...(components.fieldOptions.value ? { options: components.fieldOptions.value.split(',').map(s => s.trim()).filter(Boolean) } : {}) }`;
      const save = app.query(
        'saveField',
        'forms.define',
        { entity: '{{components.entitySelect.value || "customer"}}', department: app.params.department, fields: fx(`[...${section}, ${edited}]`), baseVersion: form.fx('data?.version ?? 0') },
        { success: `${app.t('已保存为版本', 'Saved as version')} {{queries.saveField.data.version}}`, refresh: [form] },
      );
      const remove = app.query(
        'removeField',
        'forms.define',
        { entity: '{{components.entitySelect.value || "customer"}}', department: app.params.department, fields: fx(`${section}`), baseVersion: form.fx('data?.version ?? 0') },
        { success: app.t('字段已移除', 'Field removed'), refresh: [form] },
      );
      page.row((r) => {
        r.button('saveFieldButton', app.t('保存字段', 'Save field'), save, { width: 12 });
        r.button('removeFieldButton', app.t('移除字段', 'Remove field'), remove, { width: 12, type: 'outline' });
      });
      page.text('previewTitle', app.t('预览', 'Preview'));
      page.schemaForm('preview', form.fx('data?.formSchema ?? {}'));
    });
    app.page('wording', app.t('文书措辞', 'Document wording'), (page) => {
      const templates = app.query('templateList', 'documents.listTemplates', {}, { runOnPageLoad: true });
      const current = app.query('templateSource', 'documents.getTemplate', { template: '{{components.templateTable.selectedRow.name}}', department: app.params.department });
      page.heading('wordingTitle', app.t('文书措辞', 'Document wording'));
      page.table(
        'templateTable',
        templates.fx('data ?? []'),
        [
          { key: 'name', name: app.t('模板', 'Template') },
          { key: 'title', name: app.t('名称', 'Title'), width: 240 },
        ],
        { height: 220, loading: templates, onRowClicked: [current] },
      );
      page.textArea('templateText', app.t('模板内容（Handlebars）', 'Template (Handlebars)'), { height: 260, value: current.fx('data?.source ?? ""') });
      const selected = '{{components.templateTable.selectedRow.name}}';
      const setTemplate = app.query(
        'saveTemplate',
        'documents.setTemplate',
        { template: selected, department: app.params.department, source: '{{components.templateText.value}}' },
        { success: app.t('措辞已保存', 'Wording saved'), refresh: [templates, current] },
      );
      const reset = app.query(
        'resetTemplate',
        'documents.resetTemplate',
        { template: selected, department: app.params.department },
        { success: app.t('已恢复默认', 'Back to the default'), refresh: [templates, current] },
      );
      page.row((r) => {
        r.button('saveTemplateButton', app.t('保存措辞', 'Save wording'), setTemplate, { width: 12 });
        r.button('resetTemplateButton', app.t('恢复默认', 'Reset to default'), reset, { width: 12, type: 'outline' });
      });
    });
  },
};
