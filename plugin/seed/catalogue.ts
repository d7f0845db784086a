// What a property's year of tickets is made of: each matter with the category, department, cause,
// action and result that fit it, the months it peaks in, and whether it plausibly comes in at night.
import type { channels, TicketKind } from '../areas/tickets/types.js';

type Channel = (typeof channels)[number];

export interface Matter {
  kind: TicketKind;
  matter: string;
  category: string;
  department: string;
  cause: string;
  action: string;
  result: string;
  /** Relative weight per month (Jan … Dec); a matter that peaks in summer has larger summer numbers. */
  season: readonly number[];
  /** Comes in at night as well (the hotline is staffed around the clock). */
  night?: boolean;
  /** A department it is first sent to by mistake, and transferred from (R-TIC-6). */
  misrouted?: string;
}

const flat = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] as const;
const summer = [0.3, 0.3, 0.4, 0.6, 1, 2.2, 3, 3, 1.8, 0.6, 0.3, 0.3] as const;
const plumRain = [0.6, 0.6, 0.8, 1, 1.4, 2.4, 2.2, 1.2, 1, 0.8, 0.6, 0.6] as const;
const winter = [2.2, 1.8, 1.1, 0.7, 0.6, 0.6, 0.6, 0.6, 0.7, 0.9, 1.2, 1.8] as const;
const fitOut = [0.4, 0.3, 1.4, 1.6, 1.5, 0.9, 0.7, 0.8, 1.4, 1.5, 1.2, 0.6] as const;
const moving = [0.6, 0.4, 1.6, 1.1, 0.9, 1, 1.3, 1.4, 1.8, 0.9, 0.7, 0.8] as const;

export const matters: readonly Matter[] = [
  {
    kind: 'complaint',
    matter: '电梯运行噪音大 Lift noise',
    category: 'product_quality',
    department: 'engineering',
    cause: '曳引机轴承磨损 Worn traction bearing',
    action: '更换轴承并调试 Bearing replaced, lift re-tuned',
    result: '运行噪音消除 Noise gone',
    season: flat,
  },
  {
    kind: 'complaint',
    matter: '保安态度生硬 Guard’s manner',
    category: 'service_quality',
    department: 'security',
    cause: '新上岗保安未完成培训 New guard not yet trained',
    action: '约谈当事保安并补训 Guard counselled and retrained',
    result: '已向业主致歉 Apology given',
    season: flat,
  },
  {
    kind: 'complaint',
    matter: '公共区域保洁不及时 Common areas not cleaned',
    category: 'service_quality',
    department: 'cleaning',
    cause: '排班缺员 Short-staffed rota',
    action: '调整排班，增加巡查 Rota changed, checks added',
    result: '按时保洁 Cleaned on schedule',
    season: flat,
  },
  {
    kind: 'complaint',
    matter: '临时停车收费争议 Parking charge dispute',
    category: 'grievance',
    department: 'management',
    cause: '临停计费规则未公示 Tariff not posted',
    action: '核对记录并公示收费标准 Records checked, tariff posted',
    result: '退还多收费用 Overcharge refunded',
    season: flat,
  },
  {
    kind: 'complaint',
    matter: '装修噪音扰民 Renovation noise',
    category: 'grievance',
    department: 'security',
    cause: '装修单位超时施工 Contractor worked outside hours',
    action: '责令停工并重申施工时间 Work stopped, hours restated',
    result: '按规定时间施工 Hours now kept',
    season: fitOut,
    night: true,
  },
  {
    kind: 'complaint',
    matter: '维修后仍漏水 Still leaking after repair',
    category: 'after_sales',
    department: 'engineering',
    cause: '首次维修未更换阀芯 Valve core not replaced first time',
    action: '更换阀芯并试压 Valve core replaced, pressure-tested',
    result: '不再渗漏 No more leaks',
    season: plumRain,
  },
  {
    kind: 'repair',
    matter: '水管接头漏水 Leaking pipe joint',
    category: 'after_sales',
    department: 'engineering',
    cause: '接头老化 Aged joint',
    action: '更换接头 Joint replaced',
    result: '已修复 Fixed',
    season: winter,
    night: true,
  },
  {
    kind: 'repair',
    matter: '走廊灯不亮 Corridor light out',
    category: 'product_quality',
    department: 'engineering',
    cause: '灯管损坏 Tube failed',
    action: '更换灯管 Tube replaced',
    result: '照明恢复 Light back',
    season: flat,
  },
  {
    kind: 'repair',
    matter: '门禁刷卡无反应 Access card not read',
    category: 'product_quality',
    department: 'engineering',
    cause: '读卡器受潮损坏 Card reader damp-damaged',
    action: '更换读卡器 Reader replaced',
    result: '门禁恢复 Access restored',
    season: plumRain,
    night: true,
    misrouted: 'security',
  },
  {
    kind: 'repair',
    matter: '空调不制冷 Air-con not cooling',
    category: 'product_quality',
    department: 'engineering',
    cause: '冷媒不足 Low refrigerant',
    action: '补充冷媒并清洗滤网 Refrigerant topped up, filter cleaned',
    result: '制冷正常 Cooling again',
    season: summer,
  },
  {
    kind: 'repair',
    matter: '卫生间下水道堵塞 Blocked drain',
    category: 'after_sales',
    department: 'engineering',
    cause: '异物堵塞 Foreign matter in the pipe',
    action: '疏通管道 Drain cleared',
    result: '排水通畅 Draining freely',
    season: flat,
    night: true,
  },
  {
    kind: 'repair',
    matter: '外墙渗水 Rain seeping through wall',
    category: 'product_quality',
    department: 'engineering',
    cause: '外墙防水层开裂 Cracked waterproofing',
    action: '重做防水 Waterproofing redone',
    result: '雨后无渗水 Dry after rain',
    season: plumRain,
  },
  {
    kind: 'repair',
    matter: '楼道垃圾未清运 Rubbish not collected',
    category: 'service_quality',
    department: 'cleaning',
    cause: '清运车辆故障 Collection van broke down',
    action: '安排备用车辆清运 Spare van sent',
    result: '已清运 Collected',
    season: flat,
    misrouted: 'security',
  },
  {
    kind: 'help',
    matter: '钥匙锁在屋内 Locked out',
    category: 'other',
    department: 'security',
    cause: '业主忘带钥匙 Keys left inside',
    action: '核实身份后联系开锁 Identity checked, locksmith called',
    result: '业主已入户 Resident back in',
    season: flat,
    night: true,
  },
  {
    kind: 'help',
    matter: '搬家需用货梯 Goods lift for a move',
    category: 'other',
    department: 'security',
    cause: '业主搬家 Resident moving',
    action: '预约货梯并铺设电梯保护 Goods lift booked, padding fitted',
    result: '搬家顺利 Move completed',
    season: moving,
  },
  {
    kind: 'inquiry',
    matter: '物业费收费标准 Service charge rates',
    category: 'other',
    department: 'management',
    cause: '业主不了解收费标准 Resident unsure of the rates',
    action: '解释收费依据并提供公示文件 Rates explained, notice sent',
    result: '业主已了解 Resident informed',
    season: [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.6],
  },
  {
    kind: 'inquiry',
    matter: '计划停水时间 Planned water cut',
    category: 'other',
    department: 'engineering',
    cause: '二次供水水箱清洗 Water tank cleaning',
    action: '告知停水时段并张贴通知 Hours given, notice posted',
    result: '业主已知悉 Resident informed',
    season: [0.5, 0.5, 1, 1, 2, 1, 1, 1, 1, 2, 1, 0.5],
  },
  {
    kind: 'suggestion',
    matter: '增加园区绿化 More greenery',
    category: 'other',
    department: 'management',
    cause: '园区绿化较少 Few planted areas',
    action: '纳入年度绿化计划 Added to the planting plan',
    result: '已书面回复业主 Written reply sent',
    season: [0.5, 0.5, 2, 2, 1.5, 1, 0.5, 0.5, 1, 1, 0.5, 0.5],
  },
  {
    kind: 'suggestion',
    matter: '延长健身房开放时间 Longer gym hours',
    category: 'other',
    department: 'management',
    cause: '下班后使用需求大 Evening demand',
    action: '开放时间延长至22:00 Hours extended to 22:00',
    result: '已公告 Announced',
    season: flat,
  },
];

/** How each channel's intake reads (R-TIC-1): the text never contradicts the channel. */
export const channelText: Record<string, string> = {
  phone: '业主来电反映 Phoned in by the resident',
  visit: '业主到前台反映 Reported at the front desk',
  letter: '业主来信反映 Letter from the resident',
  email: '业主来邮件反映 Email from the resident',
  online: '业主通过线上报事提交 Submitted online by the resident',
  suggestion_box: '意见箱开箱取得 Found at the suggestion-box opening',
  referral: '街道办转介 Referred by the sub-district office',
};

/** Channels by kind, weighted by repetition: repairs are phoned in, suggestions written. */
export const channelsFor: Record<TicketKind, readonly Channel[]> = {
  complaint: ['phone', 'phone', 'phone', 'visit', 'visit', 'letter', 'email', 'online', 'referral'],
  repair: ['phone', 'phone', 'phone', 'phone', 'visit', 'online', 'online'],
  help: ['phone', 'phone', 'visit'],
  inquiry: ['phone', 'visit', 'email', 'online'],
  suggestion: ['suggestion_box', 'suggestion_box', 'letter', 'email', 'online'],
};

/** How often each kind comes in, relative to the others. */
export const kindWeight: Record<TicketKind, number> = { complaint: 2, repair: 4, help: 1, inquiry: 1, suggestion: 0.5 };
