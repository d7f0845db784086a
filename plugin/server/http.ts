import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { execute, type Env } from '../core/runner.js';
import { DeskError, isDeskError } from '../core/errors.js';
import { httpStatus } from '../core/http-status.js';
import { registry, operationList } from '../core/registry.js';
import type { Identity } from '../core/actor.js';
import { openApi } from '../gen/openapi.js';
import { schemaVersion } from '../db/migrate.js';

const maxBody = 1024 * 1024;

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8'): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(text);
}

function sendError(res: ServerResponse, e: DeskError): void {
  send(res, httpStatus[e.code], { error: e.toJSON() });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBody) throw new DeskError('VALIDATION', 'request body is larger than 1 MiB', [{ path: 'body', message: 'too large' }]);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new DeskError('VALIDATION', 'request body is not valid JSON', [{ path: 'body', message: 'not JSON' }]);
  }
}

/** R-ACT-1 for HTTP: the caller's API key (X-Api-Key or Authorization: Bearer) identifies the actor. */
function identityOf(req: IncomingMessage, url: URL): Identity {
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const key = (req.headers['x-api-key'] as string | undefined) ?? bearer ?? url.searchParams.get('key') ?? undefined;
  return key ? { kind: 'apiKey', key } : { kind: 'anonymous' };
}

/** The HTTP adapter: the same registry and runner as the ToolJet plugin, nothing more. */
export function createHandler(env: Env): RequestListener {
  const spec = JSON.stringify(openApi(operationList()));
  return (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      try {
        if (req.method === 'GET' && url.pathname === '/healthz') {
          return send(res, 200, { status: 'ok', schemaVersion: await schemaVersion(env.db) });
        }
        if (req.method === 'GET' && url.pathname === '/openapi.json') return send(res, 200, spec);
        const op = /^\/api\/operations\/([A-Za-z.]+)$/.exec(url.pathname)?.[1];
        if (op !== undefined) {
          if (req.method !== 'POST') return send(res, 405, { error: { code: 'VALIDATION', message: 'use POST', issues: [] } });
          if (!registry.has(op)) throw new DeskError('NOT_FOUND', `no operation "${op}"`);
          const result = await execute(env, op, await readJson(req), identityOf(req, url));
          return send(res, 200, result ?? {});
        }
        const template = /^\/documents\/([A-Za-z0-9_-]+)$/.exec(url.pathname)?.[1];
        if (req.method === 'GET' && template && registry.has('documents.render')) {
          const params = Object.fromEntries([...url.searchParams].filter(([k]) => k !== 'key'));
          const doc = (await execute(env, 'documents.render', { template, params }, identityOf(req, url))) as { html: string };
          return send(res, 200, doc.html, 'text/html; charset=utf-8');
        }
        throw new DeskError('NOT_FOUND', `nothing at ${req.method} ${url.pathname}; see /openapi.json`);
      } catch (e) {
        sendError(res, isDeskError(e) ? e : new DeskError('INTERNAL', 'unexpected error'));
      }
    })();
  };
}
