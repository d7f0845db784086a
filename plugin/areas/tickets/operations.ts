// Service tickets (SPEC §3). Declarations live in operations-*.ts beside this file, one file per stage of the workflow.
import intake from './operations-intake.js';
import dispatch from './operations-dispatch.js';
import work from './operations-work.js';
import review from './operations-review.js';
import reads from './operations-read.js';

export default [...intake, ...dispatch, ...work, ...review, ...reads];
