import pg from 'pg';

/**
 * One statement on a connection of its own, outside any transaction, on the PostgreSQL server at `url`: what a
 * test or the harness does beside the plugin (vacuum, drop a schema, read the catalogue or another schema).
 */
export async function serverQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}
