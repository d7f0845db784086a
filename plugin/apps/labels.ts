// Chinese captions for operation fields and actions in the generated panels; a key without one shows English only.
import type { AppBuilder } from './builder.js';

const fieldsZh: Readonly<Record<string, string>> = {
  id: '编号',
  note: '备注',
  reason: '原因',
  category: '类别',
  severity: '严重程度',
  assigneeId: '经办人',
  departmentId: '部门',
  toDepartmentId: '转往部门',
  deadline: '期限',
  days: '天数',
  cause: '原因分析',
  action: '处理措施',
  result: '处理结果',
  replyText: '答复内容',
  outcome: '回访结果',
  comment: '客户意见',
  nextCallbackOn: '下次回访日期',
  malicious: '恶意投诉',
  important: '重要',
  approve: '同意',
  pages: '页数',
  pagesReturned: '归还页数',
  purpose: '用途',
  place: '借阅方式',
  archiveId: '档案编号',
  boxNo: '档案盒号',
  title: '标题',
  kind: '类型',
  subtype: '子类',
  receivedOn: '收到日期',
  fileRef: '文件位置',
  notes: '备注',
  original: '原件',
  year: '年份',
  month: '月份',
  stage: '阶段',
  location: '地点',
  description: '说明',
  from: '开始时间',
  to: '结束时间',
  contact: '联系人',
  missedBy: '失约方',
  occurredAt: '实际发生时间',
  receivedAt: '来电/来访时间',
  finding: '调查结论',
  number: '工单号',
};

const actionsZh: Readonly<Record<string, string>> = {
  acknowledge: '受理',
  classify: '分类定级',
  flagMalicious: '标记恶意',
  markImportant: '标记重要',
  assign: '派单',
  requestTransfer: '申请转办',
  approveTransfer: '审批转办',
  acceptTransfer: '接收转办',
  escalate: '升级',
  extend: '延期',
  start: '开始处理',
  waitCustomer: '等待客户',
  resume: '恢复处理',
  resolve: '办结',
  signOff: '部门签字',
  reply: '答复客户',
  recordCallback: '记录回访',
  close: '关闭',
  reopen: '重新打开',
  recordFinding: '调查结论',
  link: '关联工单',
  dispatch: '统一派单',
  closeTickets: '关闭工单',
};

const humanize = (key: string): string => key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());

export function fieldLabel(app: AppBuilder, key: string): string {
  const zh = fieldsZh[key];
  return zh ? app.t(zh, humanize(key)) : humanize(key);
}

export function actionLabel(app: AppBuilder, action: string): string {
  const zh = actionsZh[action];
  return zh ? app.t(zh, humanize(action)) : humanize(action);
}

const kindsZh: Readonly<Record<string, string>> = { complaint: '投诉', repair: '报修', help: '求助', inquiry: '咨询', suggestion: '建议' };

export function kindLabel(app: AppBuilder, kind: string): string {
  const zh = kindsZh[kind];
  return zh ? app.t(zh, kind) : kind;
}

/** An operation's title as a caption: titles may carry Chinese next to English; English-only apps drop it. */
export function titleCaption(app: AppBuilder, title: string): string {
  return app.params.language === 'en'
    ? title
        .replace(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/g, '')
        .replace(/\s+/g, ' ')
        .trim()
    : title;
}
