// A problem the person running the bench can fix (an option, the kept schema, the database's address): printed
// as one line naming the fix, without a stack. Anything else is the bench's own bug and keeps its stack.
export class BenchError extends Error {}

/** The one line for a fixable failure, or undefined for a bug. A refused or unknown server counts as fixable. */
export function fixable(e: unknown): string | undefined {
  if (e instanceof BenchError) return e.message;
  const code = (e as { code?: unknown } | null)?.code;
  if (e instanceof Error && (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '28P01' || code === '3D000')) return `cannot reach the database: ${e.message}`;
  return undefined;
}
