// R-DAY-8: photos and scans printed with their ticket. Images are inlined as data: URLs so the page prints
// on its own; a PDF, a large image or a masked one is listed by name (masked: by "***") instead.
import type { OpContext } from '../../core/operation.js';

/** Images above this are listed, not inlined: a printed page stays a few MB at most. */
const INLINE_MAX_BYTES = 2 * 1024 * 1024;

export async function attachmentsView(ctx: OpContext, ticketId: number, stages: readonly string[]) {
  const rows = await ctx.call('attachments.list', { ticketId, withData: true });
  return rows
    .filter((a) => stages.includes(a.stage))
    .map((a) => {
      const inline = a.contentType !== 'application/pdf' && a.sizeBytes <= INLINE_MAX_BYTES && a.dataUrl !== null;
      return { stage: a.stage, fileName: a.fileName, note: a.note, kb: Math.ceil(a.sizeBytes / 1024), type: a.contentType, src: inline ? a.dataUrl : null };
    });
}
