import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/build-cli.ts', 'test/support/pglite-snapshot.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file gets its own database schema (withDb), so files may run side by side.
    fileParallelism: true,
  },
});
