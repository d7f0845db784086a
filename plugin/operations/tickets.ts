// Service tickets (SPEC §3). Declarations live in plugin/tickets/ops-*.ts, one file per stage of the workflow.
import type { AnyOperation } from '../core/operation.js';
import intake from '../tickets/ops-intake.js';
import dispatch from '../tickets/ops-dispatch.js';
import work from '../tickets/ops-work.js';
import reads from '../tickets/ops-read.js';

const operations: AnyOperation[] = [...intake, ...dispatch, ...work, ...reads];
export default operations;
