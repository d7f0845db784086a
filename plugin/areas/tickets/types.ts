// Domain words (SPEC §3):
//   投诉 complaint · 报修 repair · 求助 help · 咨询 inquiry · 建议 suggestion
//   首问责任人 first-contact owner: took the intake, stays accountable, replies to the customer
//   限期 deadline set at dispatch · 转交处理联系单 transfer slip · 回访 callback after the reply
//   特急 / 紧急 / 一般 critical / urgent / normal · 事件经过 account of events · 证明人 witnesses · 证物 evidence
import { z } from 'zod';
import type { TicketState } from './model.js';

export const ticketKinds = ['complaint', 'repair', 'help', 'inquiry', 'suggestion'] as const;
export const channels = ['phone', 'visit', 'letter', 'email', 'online', 'suggestion_box', 'referral'] as const;
export const severities = ['critical', 'urgent', 'normal'] as const;
export const outcomes = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
/** R-DAY-3 finding on a complaint: 成立 upheld, 部分成立 partly upheld, 不成立 not upheld. */
export const findings = ['upheld', 'partly_upheld', 'not_upheld'] as const;
export const clockNames = ['acknowledge', 'reply', 'answer', 'investigation', 'report', 'repair', 'deadline'] as const;

export type TicketKind = (typeof ticketKinds)[number];
export type Severity = (typeof severities)[number];
export type ClockName = (typeof clockNames)[number];
export type Finding = (typeof findings)[number];

export const kindSchema = z.enum(ticketKinds).describe('complaint 投诉, repair 报修, help 求助, inquiry 咨询, suggestion 建议');
export const channelSchema = z.enum(channels).describe('phone 电话, visit 来访, letter 来信, email, online, suggestion_box 意见箱, referral 转介');
export const severitySchema = z.enum(severities).describe('critical 特急, urgent 紧急, normal 一般');

/** Kinds whose reply is followed by a callback (R-TIC-10). */
export const callbackKinds: readonly TicketKind[] = ['complaint', 'repair'];

/** The locked row a transition works on (tickets/lock.sql). */
export interface TicketRow {
  id: number;
  number: string;
  kind: TicketKind;
  state: TicketState;
  resumeState: TicketState | null;
  severity: Severity | null;
  serious: boolean;
  seriousReasons: string[];
  firstOwnerId: number;
  departmentId: number | null;
  assigneeId: number | null;
  targetStaffId: number | null;
  deadlineAt: Date | null;
  openedAt: Date;
  resolvedAt: Date | null;
  signedOffAt: Date | null;
  repliedAt: Date | null;
  malicious: boolean;
  important: boolean;
  reopenedCount: number;
  version: number;
  finding: Finding | null;
  /** Instant of the latest event on the timeline: a late entry may not go before it (R-DAY-1). */
  lastEventAt: Date | null;
}

/** Columns a transition may change (tickets/patch.sql); snake_case as stored. */
export interface TicketPatch {
  resume_state?: TicketState | null;
  severity?: Severity;
  category?: string;
  serious?: boolean;
  serious_reasons?: string[];
  reviewed_by?: number;
  malicious?: boolean;
  malicious_reason?: string | null;
  important?: boolean;
  department_id?: number | null;
  assignee_id?: number | null;
  deadline_at?: Date | null;
  acknowledged_at?: Date;
  assigned_at?: Date;
  started_at?: Date;
  escalated_at?: Date;
  resolved_at?: Date;
  cause?: string;
  action?: string;
  result?: string;
  signed_off_at?: Date | null;
  signed_off_by?: number | null;
  replied_at?: Date;
  reply_text?: string;
  closed_at?: Date | null;
  paused_at?: Date | null;
  reopened_count?: number;
  finding?: Finding;
  finding_by?: number;
  finding_at?: Date;
  finding_note?: string | null;
}
