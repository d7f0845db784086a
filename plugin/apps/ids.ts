import { createHash } from 'node:crypto';

// A fixed namespace for every id in the template apps. Ids are UUID v5 (SHA-1 of namespace + name), so the same
// app built twice gives byte-identical files, and a rebuilt app keeps its component and query ids.
const namespace = Buffer.from('8c2b6f0e4d1a5e9b9f3c7a1d2e4b6c80', 'hex');

/** UUID v5 of a path such as `front-desk/component/unitInput`. */
export function uuidFor(...path: readonly string[]): string {
  const hash = createHash('sha1').update(namespace).update(path.join('/')).digest();
  const bytes = Buffer.from(hash.subarray(0, 16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50; // version 5
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
