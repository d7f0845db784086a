// View models with every field filled, as the sources produce them: a department's override is
// test-rendered against these before it is saved, and the tests render every built-in from them.

const at = (day: string, time: string) => `2026-10-${day}T${time}:00+08:00`;

const ticket = {
  id: 42,
  number: '261009001',
  kind: 'complaint',
  channel: 'phone',
  severity: 'urgent',
  category: 'service_quality',
  categoryLabel: '服务质量 Service quality',
  openedAt: at('09', '09:15'),
  complainantName: '陈先生',
  unit: '12F-1203',
  complainantPhone: '138 0013 8000',
  matter: '空调不制冷 Air conditioning not cooling',
  content: '12楼会议室空调自上午起不制冷，室温已达 29 ℃，下午有客户来访。\n要求尽快处理。',
  target: '工程部 Engineering',
  firstOwnerName: '张丽',
  departmentName: '工程部 Engineering',
  assigneeName: '孙师傅',
  deadlineAt: at('09', '17:00'),
  serious: false,
  malicious: false,
  conduct: { account: '值班员未及时回复电话。', witnesses: '刘芳', evidence: ['录音 rec-20261009-0915.mp3'], signed: true },
};

export const samples: Record<string, Record<string, unknown>> = {
  'complaint-intake': {
    ticket,
    custom: [
      { label: '区域 Area', value: '会议室 Meeting room' },
      { label: '同意回访 Callback consent', value: '是 Yes' },
    ],
  },
  'transfer-slip': {
    ticket,
    transfers: [
      {
        fromDepartmentName: '工程部 Engineering',
        toDepartmentName: '保安部 Security',
        reason: '涉及门禁系统，由保安部处理。',
        requestedByName: '陈工',
        requestedAt: at('09', '11:00'),
        decision: 'approved',
        decidedByName: '赵刚',
        decidedAt: at('09', '11:30'),
        acceptedByName: '周队',
        acceptedAt: at('09', '11:45'),
      },
    ],
  },
  'resolution-record': {
    ticket,
    resolution: {
      cause: '压缩机过载保护跳闸。',
      action: '复位并清洗冷凝器滤网。',
      result: '13:40 恢复制冷，室温 24 ℃。',
      signedOffAt: at('09', '14:00'),
      signedOffByName: '陈工',
      replyText: '已电话告知陈先生处理结果，客户表示满意。',
      repliedAt: at('09', '14:20'),
    },
    clocks: [
      { clock: 'acknowledge', dueAt: at('09', '11:15'), metAt: at('09', '09:20'), late: false },
      { clock: 'reply', dueAt: at('10', '00:15'), metAt: at('09', '14:20'), late: false },
    ],
    callbacks: [{ dueOn: '2026-10-24', doneAt: at('24', '10:00'), outcome: 'satisfied', comment: '空调运行正常', staffName: '刘芳' }],
  },
  'loan-slip': {
    loan: {
      archiveLabel: '华信律师事务所',
      unit: '12F-1203',
      boxNo: 'A-012',
      place: 'in_office',
      purpose: '核对二装图纸',
      requestedByName: '张丽',
      requestedAt: at('09', '09:00'),
      approvedByName: '李强',
      approvedAt: at('09', '09:30'),
      issuedByName: '王敏',
      issuedAt: at('09', '10:00'),
      dueAt: at('09', '17:30'),
      returnedAt: at('09', '16:00'),
      pagesOut: 36,
      pagesBack: 36,
      stateLabel: '已归还',
    },
  },
  'vacated-catalogue': {
    year: 2026,
    total: 3,
    subtitle: '2026 年度',
    floors: [
      {
        floor: 8,
        archives: [
          { boxNo: 'V-2026-01', label: '远航船务有限公司', unit: '8F-0801', vacatedAt: at('03', '10:00'), documents: 12, pages: 148 },
          { boxNo: 'V-2026-02', label: '东方设计工作室', unit: '8F-0805', vacatedAt: at('15', '10:00'), documents: 7, pages: 63 },
        ],
      },
      { floor: 12, archives: [{ boxNo: 'V-2026-03', label: '华信律师事务所', unit: '12F-1201', vacatedAt: at('20', '10:00'), documents: 21, pages: 305 }] },
    ],
  },
  'monthly-analysis': {
    subtitle: '2026年10月',
    basis: 'tickets opened (received) in the month; satisfaction: callbacks made in the month',
    totals: { received: 86, closed: 79, closureRate: 0.9186, averageHours: 12.4, p90Hours: 21.5, targetHours: 17, overTarget: false, satisfactionRate: 0.953, repeatComplaints: 3 },
    onTime: [
      { label: 'acknowledge', rate: 0.98 },
      { label: 'reply', rate: 0.91 },
      { label: 'repair', rate: 0.84 },
    ],
    byKind: [
      { label: 'repair', count: 41 },
      { label: 'complaint', count: 18 },
      { label: 'inquiry', count: 19 },
      { label: 'help', count: 6 },
      { label: 'suggestion', count: 2 },
    ],
    byCategory: [
      { label: 'service_quality', count: 9 },
      { label: 'product_quality', count: 6 },
      { label: 'grievance', count: 3 },
    ],
    bySeverity: [
      { label: 'critical', count: 2 },
      { label: 'urgent', count: 11 },
      { label: 'normal', count: 73 },
    ],
    byDepartment: [
      { label: '工程部 Engineering', count: 44 },
      { label: '保安部 Security', count: 12 },
      { label: '保洁部 Cleaning', count: 9 },
    ],
    byChannel: [
      { label: 'phone', count: 52 },
      { label: 'visit', count: 21 },
      { label: 'online', count: 10 },
      { label: 'suggestion_box', count: 3 },
    ],
    topUnits: [
      { unit: '12F-1203', count: 6 },
      { unit: '8F-0801', count: 4 },
    ],
  },
  'quarterly-summary': {
    subtitle: '2026年第4季度',
    totals: { inquiries: 57, tickets: 240, answered: 231, answeredRate: 0.9625, averageHours: 11.8, satisfactionRate: 0.94, onTimeRate: 0.92 },
    byMonth: [
      { label: '2026-10', count: 86 },
      { label: '2026-11', count: 78 },
      { label: '2026-12', count: 76 },
    ],
    byKind: [
      { label: 'repair', count: 120 },
      { label: 'inquiry', count: 57 },
      { label: 'complaint', count: 45 },
    ],
    byChannel: [
      { label: 'phone', count: 150 },
      { label: 'visit', count: 60 },
      { label: 'online', count: 30 },
    ],
    sample: {
      seed: '2026-Q4',
      population: 120,
      size: 2,
      tickets: [
        { number: '261012004', unit: '12F-1203', matter: '卫生间漏水', closedAt: at('12', '16:00') },
        { number: '261020011', unit: '8F-0805', matter: '灯管更换', closedAt: at('20', '11:00') },
      ],
    },
  },
  'callback-stats': {
    subtitle: '2026 年度',
    basis: 'callbacks made in the month; due: callbacks due in the month',
    totals: { due: 120, done: 114, doneRate: 0.95, satisfied: 96, basicallySatisfied: 14, dissatisfied: 4, satisfactionRate: 0.965 },
    byOutcome: [
      { label: 'satisfied', count: 96 },
      { label: 'basically_satisfied', count: 14 },
      { label: 'dissatisfied', count: 4 },
    ],
    months: [
      { month: '2026-09', made: 40, satisfied: 33, basicallySatisfied: 5, dissatisfied: 2, satisfactionRate: 0.95, due: 42, doneOnTime: 38, doneLate: 2, open: 2 },
      { month: '2026-10', made: 74, satisfied: 63, basicallySatisfied: 9, dissatisfied: 2, satisfactionRate: 0.973, due: 78, doneOnTime: 70, doneLate: 4, open: 4 },
    ],
  },
  'survey-results': {
    subtitle: '2026-Q4',
    survey: { id: 1, title: '2026年第四季度客户满意度调查', period: '2026-Q4', method: 'questionnaire', formVersion: 2 },
    population: 120,
    responses: 96,
    responseRate: 0.8,
    overallScore: 4.37,
    questions: [
      {
        key: 'overall',
        label: '总体满意度 Overall satisfaction',
        type: 'select',
        answered: 96,
        average: 4.4,
        options: [
          { value: '5', label: '非常满意 Very satisfied', count: 50, share: 0.521 },
          { value: '4', label: '满意 Satisfied', count: 38, share: 0.396 },
          { value: '2', label: '不满意 Dissatisfied', count: 8, share: 0.083 },
        ],
      },
      { key: 'cleaning', label: '保洁评分 Cleaning (1–5)', type: 'number', answered: 90, average: 4.1, options: [] },
    ],
    breakdowns: [
      {
        title: '按等级 By grade',
        rows: [
          { label: 'A', responses: 30, averageScore: 4.6 },
          { label: 'B', responses: 40, averageScore: 4.3 },
          { label: 'C', responses: 26, averageScore: 4.1 },
        ],
      },
      {
        title: '按楼层 By floor',
        rows: [
          { label: '8F', responses: 20, averageScore: 4.2 },
          { label: '12F', responses: 18, averageScore: 4.5 },
        ],
      },
    ],
    trend: { period: '2026-Q3', responseRate: 0.74, overallScore: 4.21, rateDelta: 0.06, scoreDelta: 0.16 },
  },
};
