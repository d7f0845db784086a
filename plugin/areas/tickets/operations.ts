// Service tickets (SPEC §3). Declarations live in operations-*.ts beside this file, one file per stage of the workflow.
import type { AnyOperation } from '../../core/operation.js';
import intake from './operations-intake.js';
import dispatch from './operations-dispatch.js';
import work from './operations-work.js';
import reads from './operations-read.js';

const operations: AnyOperation[] = [...intake, ...dispatch, ...work, ...reads];
export default operations;
