// R-ACT-1/R-ACT-2: every registered operation × every role, plus a ToolJet user who is not staff. A role
// the declaration does not name gets FORBIDDEN and the database is byte-for-byte unchanged; a role it
// names gets past the access check. A second table, written from SPEC §0 rather than from the code, pins
// the rules a careless edit of an `access:` line would break.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationList, registry } from '../plugin/app.js';
import type { Identity } from '../plugin/core/actor.js';
import type { Role } from '../plugin/core/roles.js';
import type { AnyOperation } from '../plugin/core/operation.js';
import { testDb, type TestDb } from './support/db.js';
import { outcomeOf, sampleValid, type Outcome } from './support/fuzz.js';
import { checksums, seedWorld, worldOverrides, type World } from './support/invariants.js';

let t: TestDb;
let w: World;
const counts = { refusals: 0, allowed: 0 };

beforeAll(async () => {
  t = await testDb();
  w = await seedWorld(t);
}, 120_000);

afterAll(async () => {
  console.log(`[reliability.permissions] ${counts.refusals} refusals with nothing changed, ${counts.allowed} calls past the access check`);
  await t?.close();
});

type Caller = Role | 'unknown ToolJet user';
const callers: Caller[] = ['admin', 'director', 'manager', 'supervisor', 'agent', 'dept_head', 'unknown ToolJet user'];

function identityOf(caller: Caller): Identity {
  const staffOf: Record<Role, number> = {
    admin: w.cast.admin,
    director: w.cast.director,
    manager: w.cast.manager,
    supervisor: w.cast.supervisor,
    agent: w.cast.agent,
    dept_head: w.cast.engineeringHead,
  };
  return caller === 'unknown ToolJet user' ? { kind: 'tooljet', userId: 'tj-nobody-here', trustActorField: false } : { kind: 'staff', staffId: staffOf[caller] };
}

/** What the declaration says: may this caller pass the access check? */
function declaredAllowed(op: AnyOperation, caller: Caller): boolean {
  if (op.access === 'public') return true;
  if (caller === 'unknown ToolJet user') return false;
  return op.access === 'staff' || op.access.includes(caller);
}

/** The runner's refusal (not a handler's own data-dependent FORBIDDEN, such as another department's template). */
const accessRefusal = (o: Outcome) => o.code === 'FORBIDDEN' && /needs role|not registered as staff|needs a staff member/.test(o.message ?? '');

const inputs = new Map<string, Record<string, unknown>>();
function validInput(op: AnyOperation): Record<string, unknown> {
  if (!inputs.has(op.name)) {
    const input = sampleValid(op, worldOverrides(w, op.name));
    if (!input) throw new Error(`no valid input could be sampled for ${op.name}`);
    inputs.set(op.name, input);
  }
  return inputs.get(op.name)!;
}

describe('R-ACT-2 every operation × every role, from the registry', () => {
  it.each(operationList().map((o) => [o.name]))('%s: refused roles get FORBIDDEN and change nothing; allowed roles get past the check', async (name) => {
    const op = registry.get(name)!;
    const input = validInput(op);
    const refused = callers.filter((c) => !declaredAllowed(op, c));
    const before = await checksums(t.sql, t.db.schema);
    for (const caller of refused) {
      const o = await outcomeOf(t.run(identityOf(caller), name, input));
      expect(accessRefusal(o), `${name} as ${caller}: ${o.ok ? 'succeeded' : `${o.code} ${o.message}`}`).toBe(true);
      counts.refusals++;
    }
    expect(await checksums(t.sql, t.db.schema), `${name}: a refusal changed the database`).toEqual(before);
    for (const caller of callers.filter((c) => declaredAllowed(op, c))) {
      const o = await outcomeOf(t.run(identityOf(caller), name, input));
      expect(accessRefusal(o), `${name} as ${caller} was refused: ${o.message}`).toBe(false);
      counts.allowed++;
    }
  });
});

// SPEC §0, written out by hand: [operation, roles that may, roles that may not].
const spec: [string, Caller[], Caller[]][] = [
  ['staff.upsert', ['admin'], ['director', 'manager', 'supervisor', 'agent', 'dept_head', 'unknown ToolJet user']],
  ['departments.upsert', ['admin'], ['director', 'manager', 'agent', 'dept_head']],
  ['settings.update', ['admin'], ['director', 'manager', 'supervisor', 'agent', 'dept_head']],
  ['calendar.setDays', ['admin'], ['director', 'manager', 'agent']],
  ['forms.define', ['admin', 'dept_head'], ['director', 'manager', 'agent']],
  ['customers.create', ['agent', 'supervisor', 'manager', 'director'], ['unknown ToolJet user']],
  ['tickets.open', ['agent', 'supervisor', 'manager', 'director'], ['unknown ToolJet user']],
  ['loans.approve', ['manager', 'director'], ['agent', 'supervisor', 'dept_head']],
  ['loans.issue', ['supervisor'], ['agent', 'dept_head']],
  ['loans.return', ['supervisor'], ['agent', 'dept_head']],
  ['edits.approve', ['manager', 'director'], ['agent', 'supervisor']],
  ['tickets.classify', ['supervisor', 'manager', 'director'], ['agent']],
  ['tickets.approveTransfer', ['director'], ['agent', 'supervisor', 'manager']],
  ['tickets.extend', ['director'], ['agent', 'supervisor', 'manager']],
  ['tickets.signOff', ['dept_head'], ['agent', 'unknown ToolJet user']],
  ['reports.monthly', ['manager', 'director'], ['agent', 'supervisor']],
  ['reports.quarterlySample', ['director'], ['agent', 'supervisor', 'manager']],
];

describe('R-ACT-2 the SPEC §0 role table', () => {
  it.each(spec)('%s: allowed for %j, FORBIDDEN for %j', async (name, may, mayNot) => {
    const op = registry.get(name);
    expect(op, `${name} is not registered`).toBeDefined();
    const input = validInput(op!);
    for (const caller of may) expect(accessRefusal(await outcomeOf(t.run(identityOf(caller), name, input))), `${name} as ${caller}`).toBe(false);
    for (const caller of mayNot) expect(accessRefusal(await outcomeOf(t.run(identityOf(caller), name, input))), `${name} as ${caller}`).toBe(true);
  });

  it('R-ACT-1 an actor field is ignored unless the data source trusts it; a deactivated staff member is refused', async () => {
    const claimed: Identity = { kind: 'tooljet', actorField: String(w.cast.admin), trustActorField: false };
    const o = await outcomeOf(t.run(claimed, 'settings.get', {}));
    expect(o.code).toBe('FORBIDDEN');
    const leaver = (await t.as(w.cast.admin)('staff.upsert', { name: '离职 Leaver', roles: ['agent'], departmentCode: 'customer_service', tooljetUserId: 'tj-leaver' })).id;
    await t.as(w.cast.admin)('staff.upsert', { id: leaver, name: '离职 Leaver', roles: ['agent'], departmentCode: 'customer_service', tooljetUserId: 'tj-leaver', active: false });
    const before = await checksums(t.sql, t.db.schema);
    const refused = await outcomeOf(t.run({ kind: 'tooljet', userId: 'tj-leaver', trustActorField: false }, 'customers.create', { unit: '9F-901', name: '离职后 After' }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(await checksums(t.sql, t.db.schema)).toEqual(before);
  });
});
