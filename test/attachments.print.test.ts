import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useDesk } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { openTicket } from './tickets.fixtures.js';

const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const file = (name: string, bytes: Buffer) => ({ name, base64Data: bytes.toString('base64') });
// Handlebars escapes "=" in attribute values; the browser reads the entity back.
const inHtml = (dataUrl: string) => dataUrl.replaceAll('=', '&#x3D;');

let t: TestDb;
let cast: Cast;
useDesk((d) => {
  ({ t, cast } = d);
});

describe('photos and scans in the printed documents (R-DAY-8, R-DOC-1)', () => {
  it('R-DAY-8 R-DOC-1 the intake record shows the intake photo inline and lists a PDF by name; the repair photos stay off it', async () => {
    const ticket = await openTicket(t, cast, { kind: 'repair' });
    await t.as(cast.agent)('attachments.add', { ticketId: ticket.id, file: file('水渍.png', png), note: '厨房天花板' });
    await t.as(cast.agent)('attachments.add', { ticketId: ticket.id, file: file('报修单.pdf', pdf) });
    await t.as(cast.engineer)('attachments.add', { ticketId: ticket.id, stage: 'after', file: file('修好了.png', png) });
    const intake = await t.as(cast.agent)('documents.render', { template: 'complaint-intake', params: { id: ticket.id } });
    expect(intake.html).toContain(`<img src="${inHtml(`data:image/png;base64,${png.toString('base64')}`)}" alt="水渍.png">`);
    expect(intake.html).toContain('报修单.pdf');
    expect(intake.html).toContain('厨房天花板');
    expect(intake.html).not.toContain('修好了.png');
    const resolution = await t.as(cast.agent)('documents.render', { template: 'resolution-record', params: { id: ticket.id } });
    expect(resolution.html).toContain('修好了.png');
    expect(resolution.html).toContain('维修后');
    expect(resolution.html).not.toContain('水渍.png');
  });

  it('R-DAY-8 R-TIC-8 the staff member complained about prints no photo of the complaint', async () => {
    const ticket = await openTicket(t, cast, { targetStaffId: cast.engineer, conduct: { account: '态度恶劣' } });
    await t.as(cast.agent)('attachments.add', { ticketId: ticket.id, file: file('现场.png', png) });
    const printed = await t.as(cast.engineer)('documents.render', { template: 'complaint-intake', params: { id: ticket.id } });
    expect(printed.html).not.toContain('现场.png');
    expect(printed.html).not.toContain('data:image/png');
  });

  it('R-DAY-7 R-DAY-10 R-DOC-1 the monthly analysis prints incidents and appointments apart from the tickets', async () => {
    t.setNow('2026-10-12T09:00:00+08:00');
    await t.as(cast.supervisor)('incidents.open', { title: '停电 power cut' });
    t.setNow('2026-11-02T09:00:00+08:00');
    const printed = await t.as(cast.manager)('documents.render', { template: 'monthly-analysis', params: { month: '2026-10' } });
    expect(printed.html).toContain('事件与预约 Incidents and appointments');
    expect(printed.html).toMatch(/<td class="num">1<\/td><td class="num">0<\/td><td class="num">0<\/td>/);
  });
});
