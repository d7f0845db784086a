import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

export interface LoadedBundle {
  Plugin: new () => {
    run(sourceOptions: unknown, queryOptions: Record<string, unknown>, id?: string, updatedAt?: string, context?: unknown): Promise<any>;
    testConnection(sourceOptions: unknown): Promise<{ status: string; message?: string }>;
  };
  required: string[];
}

/** Evaluates dist/index.js as ToolJet does (require-from-string): only Node built-ins may be required. */
export function loadBundle(path = 'dist/index.js'): LoadedBundle {
  const text = readFileSync(path, 'utf8');
  const realRequire = createRequire(import.meta.url);
  const required: string[] = [];
  const sandboxRequire = (id: string) => {
    required.push(id);
    if (!builtins.has(id)) throw new Error(`the bundle required "${id}", which ToolJet's server cannot provide`);
    return realRequire(id);
  };
  const module = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', 'require', '__filename', '__dirname', text)(module, module.exports, sandboxRequire, path, 'dist');
  return { Plugin: module.exports.default as LoadedBundle['Plugin'], required };
}

/** Connection options for the bundle: DATABASE_URL, or a PGlite behind the Postgres wire protocol. */
export async function bundleDatabase(): Promise<{ options: Record<string, string | boolean>; stop(): Promise<void> }> {
  const schema = `b_${randomBytes(5).toString('hex')}`;
  const url = process.env.DATABASE_URL;
  if (url) return { options: { connection_string: url, schema }, stop: async () => undefined };
  const db = await PGlite.create();
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 8 });
  await server.start();
  return {
    options: { host: '127.0.0.1', port: String(port), database: 'postgres', username: 'postgres', password: 'x', schema },
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
