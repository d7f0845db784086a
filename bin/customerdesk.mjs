#!/usr/bin/env node
// The administrator's CLI. Runs the TypeScript sources through tsx; SQL and templates are embedded first.
import { register } from 'tsx/esm/api';

await import('../scripts/embed.mjs');
register();
await import('../plugin/cli/main.ts');
