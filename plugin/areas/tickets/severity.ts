// What a severity does (R-TIC-4, R-TIC-5, R-TIC-7), the same whether the receiving clerk sets it at intake
// (R-DAY-2) or a supervisor classifies the ticket later.
import type { Config } from '../../core/operation.js';
import { replyClock, type Clock } from './clocks.js';
import type { Severity, TicketKind } from './types.js';

/** A complaint's final-reply clock counts from intake, by severity. */
export const severityClocks = (cfg: Config, kind: TicketKind, openedAt: Date, severity: Severity): Clock[] => (kind === 'complaint' ? [replyClock(cfg, openedAt, severity)] : []);

/** Critical tickets go to manager review (R-TIC-7); other reasons (repeat, conduct) stay as they are. */
export function seriousReasons(reasons: readonly string[], severity: Severity | undefined): string[] {
  const others = reasons.filter((r) => r !== 'critical');
  return severity === 'critical' ? [...others, 'critical'] : others;
}
