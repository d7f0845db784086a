import { createHash, timingSafeEqual } from 'node:crypto';
import { forbidden } from './errors.js';
import type { Actor, AnyOperation } from './operation.js';
import { describeAccess, hasAnyRole, type Role } from './roles.js';
import type { Tx } from '../db/types.js';

/** Who is calling, as each adapter knows it (R-ACT-1). */
export type Identity =
  | { kind: 'staff'; staffId: number } // in-process: CLI, worker, tests
  | { kind: 'tooljet'; userId?: string; actorField?: string; trustActorField: boolean }
  | { kind: 'apiKey'; key: string }
  | { kind: 'anonymous' };

export const anonymous: Actor = { id: 0, name: 'anonymous', roles: [], departmentId: null };

/** API keys are `cd_<staff id>_<secret>`, stored only as a SHA-256 digest of the whole key. */
export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

export const apiKeyFor = (staffId: number, secret: string): string => `cd_${staffId}_${secret}`;

const apiKeyStaffId = (key: string): number | undefined => {
  const id = /^cd_(\d{1,15})_[A-Za-z0-9_-]{16,}$/.exec(key)?.[1];
  return id ? Number(id) : undefined;
};

/** Constant-time comparison of digests, so response times say nothing about how much of a key was right. */
function apiKeyMatches(key: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const given = Buffer.from(hashApiKey(key), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

interface StaffRow {
  actor: { id: number; name: string; roles: Role[]; department_id: number | null; active: boolean; key_hash: string | null } | null;
  empty: boolean;
}

function lookup(identity: Identity): { where: string; value: unknown } | undefined {
  switch (identity.kind) {
    case 'staff':
      return { where: 's.id = $2::bigint', value: identity.staffId };
    case 'apiKey': {
      const staffId = apiKeyStaffId(identity.key);
      return staffId === undefined ? undefined : { where: 's.id = $2::bigint', value: staffId };
    }
    case 'tooljet':
      if (identity.trustActorField && identity.actorField) {
        const a = identity.actorField.trim();
        return /^\d+$/.test(a) ? { where: 's.id = $2::bigint', value: Number(a) } : { where: '(lower(s.email) = lower($2) or s.tooljet_user_id = $2)', value: a };
      }
      return identity.userId ? { where: 's.tooljet_user_id = $2', value: identity.userId } : undefined;
    case 'anonymous':
      return undefined;
  }
}

function who(identity: Identity): string {
  if (identity.kind === 'tooljet') {
    if (identity.actorField && !identity.trustActorField) return 'an actor field was sent but the data source does not trust it; ';
    return identity.userId ? `ToolJet user ${identity.userId} is not registered as staff; ` : 'no ToolJet user was given; ';
  }
  if (identity.kind === 'apiKey') return 'the API key is not known; ';
  return '';
}

/** Resolves the actor and checks the operation's access in one round trip (R-ACT-1, R-ACT-2). */
export async function authorize(tx: Tx, site: string, op: AnyOperation, identity: Identity): Promise<Actor> {
  const find = lookup(identity);
  const rows = await tx.query<StaffRow>(
    `select (select json_build_object('id', s.id, 'name', s.name, 'roles', s.roles, 'department_id', s.department_id,
                                         'active', s.active, 'key_hash', s.api_key_hash)
               from staff s where s.site = $1 and ${find ? find.where : 'false'}) as actor,
            not exists (select 1 from staff where site = $1) as empty`,
    find ? [site, find.value] : [site],
  );
  const row = rows[0];
  const found = identity.kind === 'apiKey' && !apiKeyMatches(identity.key, row?.actor?.key_hash ?? null) ? null : row?.actor;
  if (op.access === 'public' && !found) return anonymous;
  if (!found) {
    if (op.bootstrap && row?.empty) return anonymous;
    throw forbidden(`${who(identity)}ask an administrator to add you as staff before using "${op.title}"`);
  }
  if (!found.active) throw forbidden(`staff member ${found.name} is deactivated`);
  const actor: Actor = { id: found.id, name: found.name, roles: found.roles, departmentId: found.department_id };
  checkAccess(op, actor);
  return actor;
}

/** R-ACT-2 without an error: whether `actor` may run `op`. */
export const mayRun = (op: AnyOperation, actor: Actor): boolean => op.access === 'public' || (actor.id !== 0 && (op.access === 'staff' || hasAnyRole(actor.roles, op.access)));

/** R-ACT-2: the role check, from the declaration's `access`. */
export function checkAccess(op: AnyOperation, actor: Actor): void {
  if (op.access === 'public') return;
  if (actor.id === 0) throw forbidden(`"${op.title}" needs a staff member`);
  if (op.access === 'staff' || hasAnyRole(actor.roles, op.access)) return;
  throw forbidden(`"${op.title}" needs role ${describeAccess(op.access)}; ${actor.name} has ${actor.roles.join(', ') || 'no role'}`);
}
