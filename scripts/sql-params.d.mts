export interface CompiledStatement {
  /** The statement with positional `$n` parameters, as PostgreSQL takes it. */
  text: string;
  /** The parameter names in `$n` order. */
  names: string[];
  /** The TypeScript type of each named parameter. */
  types: Record<string, string>;
}
export function compileStatement(sql: string): CompiledStatement;
export function tsTypeOf(sqlType: string): string | undefined;
