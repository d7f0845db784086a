import cliProgress from 'cli-progress';

/** One progress bar on a terminal; a line per step and quarter elsewhere (CI, logs). */
export function progressBar(): { update(step: string, done: number, total: number): void; stop(): void } {
  const tty = Boolean(process.stdout.isTTY);
  let bar: cliProgress.SingleBar | undefined;
  let current = '';
  let lastQuarter = -1;
  return {
    update(step, done, total) {
      if (step !== current) {
        bar?.stop();
        current = step;
        lastQuarter = -1;
        if (tty) {
          bar = new cliProgress.SingleBar({ format: `  loading demo ${step.padEnd(12)} {bar} {value}/{total}`, hideCursor: true }, cliProgress.Presets.shades_classic);
          bar.start(total, done);
        }
      }
      bar?.update(done);
      const quarter = Math.floor((4 * done) / Math.max(total, 1));
      if (!tty && quarter !== lastQuarter) {
        lastQuarter = quarter;
        console.log(`  loading demo ${step}: ${done}/${total}`);
      }
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
