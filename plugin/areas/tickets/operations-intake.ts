// Intake and classification: tickets.open, acknowledge, classify, flagMalicious, markImportant.
import { z } from 'zod';
import { defineOperation } from '../../core/operation.js';
import { validation } from '../../core/errors.js';
import { atLeast } from '../../core/roles.js';
import { id, instant, note, phone, text } from '../../core/schemas.js';
import { occurredAt } from '../../core/occurred.js';
import { checkCustomValues } from '../forms/custom-fields.js';
import { intakeClocks, loadClocks, saveClocks } from './clocks.js';
import { seriousReasons, severityClocks } from './severity.js';
import { openTicket, type TicketValues } from './intake.js';
import { intakeYear } from './numbering.js';
import { ticketDetail } from './schemas.js';
import { act, intakeCustomer, staffMember } from './store.js';
import { channelSchema, kindSchema, severitySchema } from './types.js';
import { optionalNote, ticketRef } from './inputs.js';
import { checkIntakeIncident } from '../incidents/store.js';

const conductInput = z
  .object({
    account: text(4000).describe('事件经过: what happened, in the complainant’s words'),
    witnesses: text(500).optional().describe('证明人: names and contacts of witnesses'),
    evidence: z.array(text(500)).max(20).default([]).describe('证物: file references (document ids, URLs)'),
    signed: z.boolean().default(false).describe('the complainant signed the record'),
  })
  .describe('R-TIC-8: required for a complaint about a staff member’s conduct');

const open = defineOperation({
  name: 'tickets.open',
  title: 'Register a ticket (complaint, repair, help, inquiry, suggestion)',
  description:
    'Intake record 《客户投诉记录》 (R-TIC-3). The caller becomes the first-contact owner 首问责任人 for good. The ticket number YYMMDDNNN counts per year from the local intake date (R-TIC-2). Conduct complaints, critical ones and repeats from one unit are flagged for manager review (R-TIC-7). ' +
    'The clerk may set the severity at intake: clocks and review start from it as after classification (R-DAY-2). A customer id must exist and the unit must be theirs (R-DAY-6).',
  access: atLeast('agent'),
  kind: 'write',
  idempotent: true,
  input: z.object({
    kind: kindSchema,
    channel: channelSchema,
    receivedAt: instant
      .optional()
      .describe(
        'when the customer called, came or wrote: 2026-02-13 16:00 (local time) or ISO 8601 with offset; default now. Not in the future, at most settings.lateEntry.windowDays (7) days ago (R-DAY-1)',
      ),
    severity: severitySchema.optional().describe('特急 critical / 紧急 urgent / 一般 normal, if the clerk can tell at intake (R-DAY-2); classification may change it'),
    matter: text(200).describe('事由: one-line subject'),
    content: note(8000).default('').describe('内容: the full request or complaint'),
    unit: text(40).optional().describe('unit no. 房号, e.g. 12F-1203; default the customer’s unit'),
    customerId: id.optional().describe('customer id when the caller is a registered customer; the unit must be theirs (R-DAY-6)'),
    complainantName: text(80).optional().describe('name of the caller or complainant'),
    complainantPhone: phone.optional().describe('phone number to reply to'),
    target: text(200).optional().describe('person or department complained about, as told'),
    targetStaffId: id.optional().describe('staff member complained about (conduct complaint): they step aside and never see who complained'),
    conduct: conductInput.optional(),
    custom: z.record(z.string(), z.unknown()).optional().describe('department-defined fields of the ticket form for this kind'),
    incidentId: id.optional().describe('incident this call reports (R-DAY-7): a burst pipe, a stuck lift …'),
  }),
  output: ticketDetail,
  async handler(ctx, input) {
    const openedAt = await occurredAt(ctx, input.receivedAt, null, 'receivedAt');
    const conduct = input.conduct ?? null;
    if (conduct && input.kind !== 'complaint') throw validation('conduct', 'only complaints carry a conduct record');
    if (input.targetStaffId !== undefined) {
      if (!conduct) throw validation('conduct', 'a complaint about a staff member needs the account of events (R-TIC-8)');
      await staffMember(ctx, input.targetStaffId, 'targetStaffId');
    }
    await checkIntakeIncident(ctx, input.incidentId);
    const unit = input.customerId === undefined ? (input.unit ?? null) : await intakeCustomer(ctx, input.customerId, input.unit);
    const cfg = await ctx.config();
    const { custom, formVersion } = await checkCustomValues(ctx, `ticket:${input.kind}`, input.custom);
    const reasons: string[] = [];
    if (conduct) reasons.push('conduct');
    if (input.kind === 'complaint' && unit) {
      const since = new Date(openedAt.getTime() - cfg.settings.tickets.repeatWindowDays * 86_400_000);
      const [prior] = await ctx.sql<{ repeated: boolean }>('tickets/repeated', { site: ctx.site, unit, since, until: openedAt });
      if (prior?.repeated) reasons.push('repeat');
    }
    const serious = seriousReasons(reasons, input.severity);
    const values: TicketValues = {
      site: ctx.site,
      year: intakeYear(ctx, openedAt),
      kind: input.kind,
      channel: input.channel,
      unit,
      customerId: input.customerId,
      complainantName: input.complainantName,
      complainantPhone: input.complainantPhone,
      matter: input.matter,
      content: input.content,
      target: input.target,
      targetStaffId: input.targetStaffId,
      conductAccount: conduct?.account,
      conductWitnesses: conduct?.witnesses,
      conductEvidence: conduct?.evidence ?? [],
      conductSigned: conduct?.signed ?? false,
      actorId: ctx.actor.id,
      openedAt,
      serious: serious.length > 0,
      seriousReasons: serious,
      custom: JSON.stringify(custom),
      formVersion,
      now: ctx.now,
      incidentId: input.incidentId,
    };
    const clocks = [...intakeClocks(cfg, input.kind, openedAt), ...(input.severity ? severityClocks(cfg, input.kind, openedAt, input.severity) : [])];
    return openTicket(ctx, values, openedAt, clocks, { channel: input.channel, severity: input.severity ?? null }, input.severity ?? null);
  },
});

const acknowledge = defineOperation({
  name: 'tickets.acknowledge',
  title: 'Acknowledge a ticket',
  description: 'Confirms receipt to the customer; stops the 2-hour acknowledge clock (R-TIC-5).',
  access: atLeast('agent'),
  kind: 'write',
  input: z.object({ ...ticketRef, note: optionalNote }),
  output: ticketDetail,
  handler: (ctx, input) =>
    act(ctx, input, 'acknowledge', async (_t, at) => {
      return { next: 'acknowledged', patch: { acknowledged_at: at }, note: input.note };
    }),
});

const classify = defineOperation({
  name: 'tickets.classify',
  title: 'Classify a ticket (category and severity)',
  description:
    'R-TIC-4: category from the configured list, severity 特急/紧急/一般. For complaints this sets the final-reply clock (10/15/24 h from intake by default); critical ones need manager review (R-TIC-7).',
  access: atLeast('supervisor'),
  kind: 'write',
  input: z.object({
    ...ticketRef,
    category: z.string().trim().min(1).max(40).describe('category key from settings.tickets.categories, e.g. service_quality'),
    severity: severitySchema,
    note: optionalNote,
  }),
  output: ticketDetail,
  handler: (ctx, input) =>
    act(ctx, input, 'classify', async (t) => {
      const cfg = await ctx.config();
      const keys = cfg.settings.tickets.categories.map((c) => c.key);
      if (!keys.includes(input.category)) throw validation('category', `unknown category; one of ${keys.join(', ')}`);
      const reply = (await loadClocks(ctx, t.id)).find((c) => c.clock === 'reply');
      if (!reply?.metAt) await saveClocks(ctx, t.id, severityClocks(cfg, t.kind, t.openedAt, input.severity));
      const reasons = seriousReasons(t.seriousReasons, input.severity);
      return {
        next: t.state,
        patch: { category: input.category, severity: input.severity, serious: reasons.length > 0, serious_reasons: reasons },
        note: input.note,
        data: { category: input.category, severity: input.severity },
      };
    }),
});

const flagMalicious = defineOperation({
  name: 'tickets.flagMalicious',
  title: 'Flag a ticket as malicious (or clear the flag)',
  description: 'R-TIC-4: malicious complaints stay on record, flagged, and are reported separately; nothing is deleted.',
  access: atLeast('supervisor'),
  kind: 'write',
  input: z.object({
    ...ticketRef,
    malicious: z.boolean().default(true).describe('false clears the flag'),
    reason: text(1000).describe('why it is (or is no longer) considered malicious'),
  }),
  output: ticketDetail,
  handler: (ctx, input) =>
    act(ctx, input, 'flagMalicious', (t) => ({
      next: t.state,
      patch: { malicious: input.malicious, malicious_reason: input.reason },
      note: input.reason,
      data: { malicious: input.malicious },
    })),
});

const markImportant = defineOperation({
  name: 'tickets.markImportant',
  title: 'Mark a ticket important (kept permanently)',
  description: 'R-TIC-11: important tickets are kept permanently instead of the 1-year minimum.',
  access: atLeast('supervisor'),
  kind: 'write',
  input: z.object({ ...ticketRef, important: z.boolean().default(true).describe('false clears the mark'), note: optionalNote }),
  output: ticketDetail,
  handler: (ctx, input) =>
    act(ctx, input, 'markImportant', (t) => ({
      next: t.state,
      patch: { important: input.important },
      note: input.note,
      data: { important: input.important },
    })),
});

export default [open, acknowledge, classify, flagMalicious, markImportant];
