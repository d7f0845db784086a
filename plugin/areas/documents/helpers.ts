import { DateTime } from 'luxon';

// Template helpers (R-DOC-1). Each takes plain values and returns text, which Handlebars escapes;
// only the chart helpers return markup, and they escape every value they place in it.

export type Escape = (text: string) => string;

const dash = '—';
const missing = (v: unknown): boolean => v === null || v === undefined || v === '' || (typeof v === 'number' && !Number.isFinite(v));

function instant(v: unknown, zone: string): DateTime | null {
  if (v instanceof Date) return DateTime.fromJSDate(v, { zone });
  if (typeof v !== 'string' || v === '') return null;
  const dt = DateTime.fromISO(v, { zone });
  return dt.isValid ? dt : null;
}

/** 2026年10月9日 */
export const cnDate = (v: unknown, zone: string): string => {
  const dt = instant(v, zone);
  return dt ? `${dt.year}年${dt.month}月${dt.day}日` : dash;
};

/** 2026年10月9日 16:05 */
export const cnDateTime = (v: unknown, zone: string): string => {
  const dt = instant(v, zone);
  return dt ? `${dt.year}年${dt.month}月${dt.day}日 ${dt.toFormat('HH:mm')}` : dash;
};

/** A duration in hours as 3小时20分 (working or elapsed, as the clock that produced it). */
export const hours = (v: unknown): string => {
  if (missing(v) || typeof v !== 'number') return dash;
  const minutes = Math.round(Math.abs(v) * 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${v < 0 ? '-' : ''}${h ? `${h}小时` : ''}${m || !h ? `${m}分` : ''}`;
};

export const number = (v: unknown, digits: unknown): string => {
  if (missing(v) || typeof v !== 'number') return dash;
  const d = typeof digits === 'number' ? digits : 0;
  return v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
};

/** A ratio 0..1 as 92.5% */
export const percent = (v: unknown, digits: unknown): string => (missing(v) || typeof v !== 'number' ? dash : `${number(v * 100, typeof digits === 'number' ? digits : 1)}%`);

export const orDash = (v: unknown): unknown => (missing(v) ? dash : v);

export const tick = (v: unknown): string => (v ? '☑' : '☐');

// Chinese labels of the stored codes, so a document never prints an English key.
const words: Record<string, string> = {
  complaint: '投诉',
  repair: '报修',
  help: '求助',
  inquiry: '咨询',
  suggestion: '建议',
  phone: '电话',
  visit: '来访',
  letter: '来信',
  email: '电子邮件',
  online: '网上',
  suggestion_box: '意见箱',
  referral: '转介',
  critical: '特急',
  urgent: '紧急',
  normal: '一般',
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
  approved: '已批准',
  rejected: '已驳回',
  in_office: '办公室阅览',
  take_out: '借出',
  questionnaire: '问卷',
  face_to_face: '面谈',
  prospective: '潜在',
  new: '新',
  regular: '常规',
  vip: 'VIP',
  acknowledge: '受理',
  reply: '答复',
  investigation: '调查',
  report: '书面报告',
  repair_done: '维修完成',
  answer: '答复客户',
  deadline: '处理期限',
  unclassified: '未分类',
  unassigned: '未分派',
  intake: '受理时',
  before: '维修前',
  after: '维修后',
  scan: '扫描件',
};
export const zh = (v: unknown): string => (missing(v) ? dash : (words[String(v)] ?? String(v)));

// ---- inline SVG charts: fixed geometry, no scripts, no external references ----

interface Bar {
  label: string;
  value: number;
}

function bars(items: unknown, labelKey: string, valueKey: string): Bar[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((item): Bar[] => {
    if (!item || typeof item !== 'object') return [];
    const label = (item as Record<string, unknown>)[labelKey];
    const value = (item as Record<string, unknown>)[valueKey];
    return typeof value === 'number' && Number.isFinite(value) ? [{ label: zh(label), value }] : [];
  });
}

/** Horizontal bar chart of counts or scores (scores with 2 decimals): one row per item, 640 px wide to clip the A4 content box. */
export function barChart(esc: Escape, items: unknown, labelKey: unknown, valueKey: unknown): string {
  const rows = bars(items, String(labelKey), String(valueKey));
  if (rows.length === 0) return '<p class="empty">无数据 No data</p>';
  const width = 640;
  // Wide enough for the longest label (at 12 px a CJK character is 12 px, other characters under 7.5 px),
  // so no label runs off the left edge of the chart; past 480 px a label is shortened with an ellipsis.
  const textWidth = (s: string) => [...s].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? 12 : 7.5), 0);
  const labelWidth = Math.min(Math.max(...rows.map((r) => textWidth(r.label))) + 12, width - 160);
  const clip = (s: string) => {
    let out = s;
    while (textWidth(out) > labelWidth - 12 && out.length > 1) out = `${out.slice(0, -2)}…`;
    return out;
  };
  const row = 18;
  const max = Math.max(...rows.map((r) => r.value), 1);
  const scale = (width - labelWidth - 60) / max;
  const body = rows
    .map((r, i) => {
      const y = i * row;
      const w = Math.max(r.value * scale, r.value > 0 ? 1 : 0);
      return (
        `<text x="${labelWidth - 6}" y="${y + 14}" text-anchor="end">${esc(clip(r.label))}</text>` +
        `<rect x="${labelWidth}" y="${y + 4}" width="${w.toFixed(1)}" height="12" fill="#4a6fa5"/>` +
        `<text x="${(labelWidth + w + 4).toFixed(1)}" y="${y + 14}">${esc(number(r.value, Number.isInteger(r.value) ? 0 : 2))}</text>`
      );
    })
    .join('');
  return `<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${rows.length * row + 6}" viewBox="0 0 ${width} ${rows.length * row + 6}" font-size="12">${body}</svg>`;
}

/** Half-circle gauge of a ratio 0..1 (on-time rate, satisfaction), with a target mark if given. */
export function gauge(esc: Escape, ratio: unknown, label: unknown, target: unknown): string {
  const r = 50;
  const value = typeof ratio === 'number' && Number.isFinite(ratio) ? Math.min(Math.max(ratio, 0), 1) : null;
  const point = (t: number) => [60 - r * Math.cos(Math.PI * t), 60 - r * Math.sin(Math.PI * t)].map((n) => n.toFixed(1)).join(' ');
  const arc =
    value === null || value === 0
      ? ''
      : `<path d="M ${point(0)} A ${r} ${r} 0 0 1 ${point(value)}" stroke="${value >= 0.9 ? '#3c8d40' : value >= 0.75 ? '#d9a21b' : '#c0392b'}" stroke-width="12" fill="none"/>`;
  const goal = typeof target === 'number' && target > 0 && target <= 1 ? `<path d="M ${point(target)} L 60 60" stroke="#333" stroke-dasharray="2 2"/>` : '';
  return (
    `<svg class="gauge" xmlns="http://www.w3.org/2000/svg" width="140" height="92" viewBox="-10 0 140 92" font-size="12">` +
    `<path d="M ${point(0)} A ${r} ${r} 0 0 1 ${point(1)}" stroke="#e3e6ea" stroke-width="12" fill="none"/>${arc}${goal}` +
    `<text x="60" y="58" text-anchor="middle" font-size="15" font-weight="bold">${esc(percent(value, 1))}</text>` +
    `<text x="60" y="84" text-anchor="middle">${esc(String(orDash(label)))}</text></svg>`
  );
}
