#!/usr/bin/env node
// The administrator's CLI, compiled by scripts/build-cli.mjs (run by npm install, npm start and npm run build).
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('customerdesk: the program is not built yet; run "npm install" (or "npm run build:cli") in the project folder\n');
  process.exit(1);
}
await import(main.href);
