// A real day at the desk in the ticket board (R-DAY-7, R-DAY-8, R-DAY-10): photos and appointments of the
// selected ticket, and a page of incidents whose linked tickets are dispatched, resolved and answered at once.
import { defaultSettings } from '../core/settings.js';
import { fx, type AppBuilder, type QueryRef, type Region } from './builder.js';
import { actionLabel } from './labels.js';
import { operationForm } from './op-form.js';

/** Photos/scans and appointments of the ticket `detail` holds. */
export function ticketExtras(app: AppBuilder, region: Region, detail: QueryRef, choices: Readonly<Record<string, string>>): void {
  const ticketId = detail.fx('data.id');
  const disabled = fx(`!${detail.js('data?.id')}`);
  const photos = app.query('ticketAttachments', 'attachments.list', { ticketId, withData: 'true' });
  const visits = app.query('ticketAppointments', 'appointments.list', { ticketId });
  region.tabs('dayTabs', [
    {
      id: 'photos',
      title: app.t('照片与扫描件', 'Photos and scans'),
      build: (tab) => {
        tab.filePicker('photoPicker', app.t('拖入或选择 JPEG/PNG/PDF', 'Drop or pick a JPEG, PNG or PDF'), {
          accept: 'image/jpeg,image/png,application/pdf',
          maxBytes: defaultSettings.attachments.maxFileBytes,
        });
        operationForm(app, tab, 'addAttachment', 'attachments.add', {
          fixed: { ticketId, file: '{{components.photoPicker.file[0]}}' },
          include: ['stage', 'note'],
          disabled: fx(`!${detail.js('data?.id')} || !components.photoPicker.file?.[0]`),
          query: { success: app.t('已上传', 'Uploaded'), refresh: [photos] },
        });
        tab.button('loadAttachments', app.t('显示照片', 'Show photos'), photos, { disabled, type: 'outline' });
        tab.table(
          'attachmentTable',
          photos.fx('data ?? []'),
          [
            { key: 'dataUrl', name: app.t('图片', 'Image'), type: 'image', width: 120 },
            { key: 'stage', name: app.t('阶段', 'Stage'), width: 90 },
            { key: 'fileName', name: app.t('文件', 'File'), width: 200 },
            { key: 'note', name: app.t('说明', 'Note'), width: 200 },
            { key: 'createdAt', name: app.t('上传时间', 'Uploaded'), width: 180 },
          ],
          { height: 260, loading: photos },
        );
      },
    },
    {
      id: 'appointments',
      title: app.t('预约', 'Appointments'),
      build: (tab) => {
        operationForm(app, tab, 'bookAppointment', 'appointments.book', {
          fixed: { ticketId },
          include: ['assigneeId', 'contact', 'note'],
          choices,
          disabled,
          query: { success: app.t('已预约', 'Booked'), refresh: [visits] },
        });
        tab.button('loadAppointments', app.t('显示预约', 'Show appointments'), visits, { disabled, type: 'outline' });
        tab.table(
          'appointmentTable',
          visits.fx('data ?? []'),
          [
            { key: 'kind', name: app.t('类型', 'Kind'), width: 80 },
            { key: 'windowStart', name: app.t('开始', 'From'), width: 180 },
            { key: 'windowEnd', name: app.t('结束', 'To'), width: 180 },
            { key: 'assigneeName', name: app.t('经办人', 'Assignee') },
            { key: 'state', name: app.t('状态', 'State'), width: 90 },
            { key: 'missedBy', name: app.t('失约方', 'Missed by'), width: 90 },
          ],
          { height: 220, loading: visits },
        );
      },
    },
  ]);
}

const bulkActions = ['dispatch', 'resolve', 'signOff', 'reply', 'closeTickets', 'close'] as const;

/** 事件: open an incident, link the callers' tickets by number, and act on all of them at once. */
export function incidentsPage(app: AppBuilder, choices: Readonly<Record<string, string>>): void {
  app.page('incidents', app.t('事件', 'Incidents'), (page) => {
    page.heading('incidentsTitle', app.t('事件（一事多报）', 'Incidents (one event, many callers)'));
    const list = app.query('listIncidents', 'incidents.list', { state: 'open' }, { runOnPageLoad: true });
    const detail = app.query('incidentDetail', 'incidents.get', { id: '{{components.incidentTable.selectedRow.id}}' });
    operationForm(app, page, 'openIncident', 'incidents.open', { include: ['location', 'description'], query: { success: app.t('已建事件', 'Incident opened'), refresh: [list] } });
    page.table(
      'incidentTable',
      list.fx('data ?? []'),
      [
        { key: 'id', name: app.t('编号', 'No.'), width: 70 },
        { key: 'title', name: app.t('事件', 'Incident'), width: 260 },
        { key: 'location', name: app.t('地点', 'Location') },
        { key: 'ticketCount', name: app.t('来电', 'Calls'), width: 80 },
        { key: 'openedAt', name: app.t('开始', 'Opened'), width: 180 },
      ],
      { loading: list, onRowClicked: [detail], height: 240 },
    );
    page.table(
      'incidentTickets',
      detail.fx('data?.tickets ?? []'),
      [
        { key: 'number', name: app.t('工单号', 'Number') },
        { key: 'unit', name: app.t('单元', 'Unit'), width: 100 },
        { key: 'state', name: app.t('状态', 'State'), width: 120 },
        { key: 'openedAt', name: app.t('来电时间', 'Called'), width: 180 },
      ],
      { loading: detail, height: 240 },
    );
    const id = detail.fx('data.id');
    const disabled = fx(`!${detail.js('data?.id')} || ${detail.js('data?.state')} !== 'open'`);
    const refresh = [detail, list];
    page.tabs('incidentActions', [
      {
        id: 'link',
        title: actionLabel(app, 'link'),
        build: (tab) => {
          tab.textInput('linkNumbers', app.t('工单号（逗号分隔）', 'Ticket numbers (comma separated)'), { placeholder: '261012001, 261012002' });
          const tickets = fx(`(components.linkNumbers.value ?? '').split(/[\\s,，]+/).filter(Boolean)`);
          const link = app.query('linkTickets', 'incidents.link', { id, tickets }, { success: actionLabel(app, 'link'), refresh });
          tab.button('linkButton', actionLabel(app, 'link'), link, { width: 14, disabled });
        },
      },
      ...bulkActions.map((action) => ({
        id: action,
        title: actionLabel(app, action),
        build: (tab: Region) => {
          operationForm(app, tab, `incident_${action}`, `incidents.${action}`, {
            fixed: { id },
            include: action === 'dispatch' ? ['departmentId'] : undefined,
            choices,
            disabled,
            button: actionLabel(app, action),
            query: { success: `${actionLabel(app, action)} ✓`, refresh },
          });
        },
      })),
    ]);
  });
}
