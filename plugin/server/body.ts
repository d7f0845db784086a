import type { IncomingMessage } from 'node:http';
import { DeskError } from '../core/errors.js';

/** The request body, refused (VALIDATION on `body`) as soon as it passes `maxBytes`. */
export async function readBody(req: IncomingMessage, maxBytes: number, limit: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new DeskError('VALIDATION', `request body is larger than ${limit}`, [{ path: 'body', message: 'too large' }]);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
