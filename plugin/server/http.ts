import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { execute, type Env } from '../core/runner.js';
import { DeskError, isDeskError } from '../core/errors.js';
import { httpStatus } from '../core/http-status.js';
import { findOperation } from '../core/registry.js';
import { createCaller } from '../core/caller.js';
import { operationList } from '../app.js';
import { openApi } from '../gen/openapi.js';
import { schemaVersion } from '../db/migrate.js';
import { defaultAssetDir, serveMarketplaceAsset } from '../marketplace/assets.js';
import { authenticate, Unauthorized } from './auth.js';
import { readyWith, retryAfter, type Readiness } from './readiness.js';
import { fileRoute, fileRouteMethod, serveFile } from './files.js';
import { readBody } from './body.js';
import { fileHeaders, isCsvFile } from '../core/export.js';

const maxBody = 1024 * 1024;

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

const wrongMethod = (res: ServerResponse, path: string, allow: string) => send(res, 405, { error: { code: 'VALIDATION', message: `use ${allow} for ${path}`, issues: [] } }, { allow });

const sendError = (res: ServerResponse, e: DeskError, headers: Record<string, string> = {}) => send(res, httpStatus[e.code], { error: e.toJSON() }, headers);

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = (await readBody(req, maxBody, '1 MiB')).toString('utf8').trim();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new DeskError('VALIDATION', 'request body is not valid JSON', [{ path: 'body', message: 'not JSON' }]);
  }
}

/** The address the caller used, so a spec imported from another port or host points back at it. */
function origin(req: IncomingMessage): string {
  const proto =
    String(req.headers['x-forwarded-proto'] ?? '')
      .split(',')[0]
      ?.trim() || 'http';
  return `${proto}://${req.headers['x-forwarded-host'] ?? req.headers.host ?? 'localhost:4100'}`;
}

/**
 * The HTTP adapter: the same registry and runner as the ToolJet plugin, nothing more. `state` is the
 * service's readiness (operations answer 503 until the database is migrated and the demo set is in).
 */
export function createHandler(state: Env | (() => Readiness)): RequestListener {
  const readiness = typeof state === 'function' ? state : () => readyWith(state);
  // Built on the first request for it: walking every operation's schema is not needed to start.
  let spec: ReturnType<typeof openApi> | undefined;
  return (req, res) => {
    void (async () => {
      // The plugin's files for ToolJet's TOOLJET_MARKETPLACE_URL (issue 13), served even while starting.
      if (serveMarketplaceAsset(req, res, { dir: process.env.CUSTOMERDESK_MARKETPLACE_DIR ?? defaultAssetDir })) return;
      const url = new URL(req.url ?? '/', 'http://localhost');
      const now = readiness();
      try {
        if (req.method === 'GET' && url.pathname === '/healthz') {
          if (now.phase !== 'ready' || !now.env) {
            const { phase, progress, error } = now;
            return send(res, 503, { status: phase, ...(progress ? { progress } : {}), ...(error ? { error } : {}) }, { 'retry-after': String(retryAfter(now)) });
          }
          return send(res, 200, { status: 'ok', schemaVersion: await schemaVersion(now.env.db) });
        }
        if (req.method === 'GET' && url.pathname === '/openapi.json') return send(res, 200, { ...(spec ??= openApi(operationList())), servers: [{ url: origin(req) }] });
        const op = /^\/api\/operations\/([A-Za-z.]+)$/.exec(url.pathname)?.[1];
        const template = /^\/documents\/([A-Za-z0-9_-]+)$/.exec(url.pathname)?.[1];
        const file = fileRoute(url);
        if (op !== undefined && req.method !== 'POST') return wrongMethod(res, url.pathname, 'POST');
        if (template !== undefined && req.method !== 'GET') return wrongMethod(res, url.pathname, 'GET');
        if (file !== null && req.method !== fileRouteMethod(file)) return wrongMethod(res, url.pathname, fileRouteMethod(file));
        if (op === undefined && template === undefined && file === null) throw new DeskError('NOT_FOUND', `nothing at ${req.method} ${url.pathname}; see /openapi.json`);
        const env = now.env;
        if (now.phase !== 'ready' || !env) {
          const why =
            now.phase === 'failed'
              ? `the service could not start: ${now.error}`
              : `the service is starting (${now.phase}${now.progress ? ` ${now.progress.step} ${now.progress.done}/${now.progress.total}` : ''}); try again shortly`;
          return sendError(res, new DeskError('UNAVAILABLE', why), { 'retry-after': String(retryAfter(now)) });
        }
        if (op !== undefined) {
          const identity = await authenticate(env, req, url, findOperation(env.registry, op).bootstrap === true);
          const result = await execute(env, op, await readJson(req), identity);
          // R-DAY-11: a report asked for as CSV comes back as the file itself.
          if (isCsvFile(result)) return send(res, 200, result.csv, fileHeaders(result));
          return send(res, 200, result ?? {});
        }
        const identity = await authenticate(env, req, url, false);
        if (file !== null) return await serveFile(env, identity, file, req, res, url);
        const params = Object.fromEntries([...url.searchParams].filter(([k]) => k !== 'key'));
        // Reached only for a /documents/<template> path (every other path returned or threw above).
        const doc = await createCaller(env, identity)('documents.render', { template: String(template), params });
        return send(res, 200, doc.html, { 'content-type': 'text/html; charset=utf-8' });
      } catch (e) {
        if (e instanceof Unauthorized) {
          return send(res, 401, { error: { code: 'FORBIDDEN', message: e.message, issues: [] } }, { 'www-authenticate': 'ApiKey header="X-Api-Key"' });
        }
        sendError(res, isDeskError(e) ? e : new DeskError('INTERNAL', 'unexpected error'));
      }
    })();
  };
}
