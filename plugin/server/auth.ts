// R-ACT-1 over HTTP: every operation needs a known API key (X-Api-Key, Authorization: Bearer, or ?key=
// for a printed document in an iframe). A missing or unknown key is 401 before the runner is reached;
// the one exception is creating the first administrator of an empty site.
import type { IncomingMessage } from 'node:http';
import { hashApiKey, type Identity } from '../core/actor.js';
import type { Env } from '../core/runner.js';

export class Unauthorized extends Error {}

const keyOf = (req: IncomingMessage, url: URL): string | undefined => {
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const header = req.headers['x-api-key'];
  return (typeof header === 'string' ? header : undefined) ?? bearer ?? url.searchParams.get('key') ?? undefined;
};

/** The caller's identity, or Unauthorized with what to send instead. */
export async function authenticate(env: Env, req: IncomingMessage, url: URL, bootstrap: boolean): Promise<Identity> {
  const key = keyOf(req, url);
  const staffId = key ? /^cd_(\d{1,15})_/.exec(key)?.[1] : undefined;
  const [row] = await env.db.transaction((tx) =>
    tx.query<{ known: boolean; empty: boolean }>(
      `select exists (select 1 from staff where site = $1 and id = $2::bigint and api_key_hash = $3 and active) as known,
              not exists (select 1 from staff where site = $1) as empty`,
      [env.site, staffId ?? '0', key ? hashApiKey(key) : ''],
    ),
  );
  if (key && row?.known) return { kind: 'apiKey', key };
  if (!key && bootstrap && row?.empty) return { kind: 'anonymous' };
  throw new Unauthorized(
    key
      ? 'the API key is not known: use a key printed at start (data/demo-api-keys.json) or one an administrator issued with staff.upsert'
      : 'send your API key in the X-Api-Key header (the keys are printed at start and saved in data/demo-api-keys.json)',
  );
}
