import cliProgress from 'cli-progress';
import type { Logger } from '../core/logger.js';

/** A progress bar on a terminal; a log line per quarter elsewhere (CI, ToolJet logs). */
export function progressReporter(logger: Logger): { progress(step: string, done: number, total: number): void; stop(): void } {
  const tty = Boolean(process.stdout.isTTY);
  let bar: cliProgress.SingleBar | undefined;
  let current = '';
  let lastQuarter = -1;
  return {
    progress(step, done, total) {
      if (step !== current) {
        bar?.stop();
        current = step;
        lastQuarter = -1;
        if (tty) {
          bar = new cliProgress.SingleBar({ format: `  ${step.padEnd(24)} {bar} {value}/{total}` }, cliProgress.Presets.shades_classic);
          bar.start(total, done);
        }
      }
      if (bar) bar.update(done);
      const quarter = Math.floor((4 * done) / Math.max(total, 1));
      if (!tty && quarter !== lastQuarter) {
        lastQuarter = quarter;
        logger.info(`seeding ${step}: ${done}/${total}`);
      }
    },
    stop() {
      bar?.stop();
    },
  };
}
