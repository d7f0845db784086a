export type Row = Record<string, unknown>;

/** Parsers of this statement's result columns by type oid, over the driver's usual ones (db/type-parsers.ts). */
export type ColumnParsers = Readonly<Record<number, (value: string) => unknown>>;

/** What a handler sees: one open transaction. */
export interface Tx {
  query<R = Row>(text: string, params?: readonly unknown[], parsers?: ColumnParsers): Promise<R[]>;
  /** Several statements without parameters (migrations only). */
  exec(text: string): Promise<void>;
}

export interface Db {
  readonly kind: 'pg' | 'pglite';
  readonly schema: string;
  /**
   * Runs `fn` in one transaction. On pg, `fn` starts while BEGIN is still on its way (the connection pipelines,
   * plugin/db/pg.ts), and `settle`, when given, shapes fn's result while COMMIT is: CPU work at either end overlaps
   * a round trip instead of following it. An error from `settle` leaves the commit standing.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>, settle?: (result: T) => T): Promise<T>;
  close(): Promise<void>;
}

/** Schema names are interpolated into SQL, so they are held to plain identifiers. */
export function checkSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`schema name must be a lower-case SQL identifier, got "${schema}"`);
  }
  return schema;
}
