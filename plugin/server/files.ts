// R-DAY-8 over HTTP: a photo or scan as the raw request body (POST /attachments?ticketId=…&name=…), and
// back as itself (GET /attachments/<id>), through the same operations, checks and masking as ToolJet's
// base64 path. The body may be as large as the largest per-file limit a site can set; the operation
// then holds it to the site's own limit.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { execute, type Env } from '../core/runner.js';
import { DeskError } from '../core/errors.js';
import type { Identity } from '../core/actor.js';
import { readBody } from './body.js';

const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/** 'upload', an attachment id to download, or null when the path is not a file route. */
export function fileRoute(url: URL): 'upload' | number | null {
  if (url.pathname === '/attachments') return 'upload';
  const id = /^\/attachments\/(\d{1,15})$/.exec(url.pathname)?.[1];
  return id === undefined ? null : Number(id);
}

export const fileRouteMethod = (route: 'upload' | number): 'POST' | 'GET' => (route === 'upload' ? 'POST' : 'GET');

const numberParam = (url: URL, key: string): number | undefined => (url.searchParams.has(key) ? Number(url.searchParams.get(key)) : undefined);

export async function serveFile(env: Env, identity: Identity, route: 'upload' | number, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (route === 'upload') {
    const bytes = await readBody(req, MAX_UPLOAD_BYTES, '100 MiB');
    const input = {
      ticketId: numberParam(url, 'ticketId'),
      documentId: numberParam(url, 'documentId'),
      stage: url.searchParams.get('stage') ?? undefined,
      note: url.searchParams.get('note') ?? undefined,
      idempotencyKey: url.searchParams.get('idempotencyKey') ?? undefined,
      file: { name: url.searchParams.get('name') ?? '', type: req.headers['content-type'], base64Data: bytes.toString('base64') },
    };
    const stored = await execute(env, 'attachments.add', input, identity);
    res.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(stored));
    return;
  }
  const found = (await execute(env, 'attachments.get', { id: route }, identity)) as { masked: boolean; contentType: string; fileName: string; base64Data: string | null };
  if (found.masked || found.base64Data === null) throw new DeskError('FORBIDDEN', `attachment ${route} is not shown to you (R-CUS-5, R-TIC-8)`);
  res.writeHead(200, {
    'content-type': found.contentType,
    'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(found.fileName)}`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(Buffer.from(found.base64Data, 'base64'));
}
