// Vitest global setup: the tests that start the service or the CLI run the compiled program
// (dist/cli), as users do, so it is built once before any test file runs.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
}
