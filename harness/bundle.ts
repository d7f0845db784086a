import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { serverQuery } from './server.js';

// The bundle is loaded only as ToolJet loads it: harness/tooljet-loader.ts.
export { toolJetPlugin, type PluginService } from './tooljet-loader.js';

/** Connection options for the bundle: DATABASE_URL, or a PGlite behind the Postgres wire protocol. */
export async function bundleDatabase(): Promise<{ options: Record<string, string | boolean>; stop(): Promise<void> }> {
  const schema = `b_${randomBytes(5).toString('hex')}`;
  const url = process.env.DATABASE_URL;
  // On a developer's own server each test file's schema would otherwise stay behind (157 relations each).
  if (url)
    return {
      options: { connection_string: url, schema },
      stop: async () => {
        await serverQuery(url, `drop schema if exists ${schema} cascade`);
      },
    };
  const db = await PGlite.create();
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 16 });
  await server.start();
  return {
    options: { host: '127.0.0.1', port: String(port), database: 'postgres', username: 'postgres', password: 'x', schema },
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
