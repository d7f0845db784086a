import { expect } from 'vitest';

/** Asserts a call fails with a DeskError code (and, optionally, a field named in its issues). */
export async function expectError(p: Promise<unknown>, code: string, path?: string): Promise<void> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e as { code?: string; issues?: { path: string }[]; message: string },
  );
  expect(error, `expected ${code}, but the call succeeded`).toBeDefined();
  expect(error?.code, error?.message).toBe(code);
  if (path) expect(error?.issues?.map((i) => i.path)).toContain(path);
}
