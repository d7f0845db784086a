export interface CompiledStatement {
  /** The statement with positional `$n` parameters, as PostgreSQL takes it. */
  text: string;
  /** The parameter names in `$n` order; null for a statement written with `$n` itself. */
  names: string[] | null;
  /** The TypeScript type of each named parameter. */
  types: Record<string, string>;
}
export function compileStatement(sql: string): CompiledStatement;
export function tsTypeOf(sqlType: string): string | undefined;
