// Issue 17: a call's CPU work at either end of its transaction overlaps a round trip (plugin/db/types.ts): the
// handler starts while BEGIN is on its way and the result is shaped while COMMIT is. What must not change is
// what a user relies on — nothing is half-written (one transaction per call, its R-ACT-3 audit entry with it), a failed COMMIT is an
// error and its result is never handed out, and a result that cannot be shaped does not undo what was committed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb, type TestDb } from './support/db.js';

describe('issue 17 one transaction per call, with work overlapping BEGIN and COMMIT', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await testDb();
    await t.db.transaction((tx) => tx.exec('create table tx_probe (k int, constraint tx_probe_k unique (k) deferrable initially deferred)'));
  });
  afterAll(() => t.close());

  const count = async (): Promise<number> => {
    const [row] = await t.db.transaction((tx) => tx.query<{ n: number }>('select count(*)::int as n from tx_probe'));
    return row?.n ?? -1;
  };

  it('a statement sent before BEGIN has answered is inside the transaction: a failure after it leaves nothing written', async () => {
    const before = await count();
    const call = t.db.transaction((tx) => {
      // No await before the write: it is queued while BEGIN is still on the wire.
      const write = tx.query('insert into tx_probe (k) values (1)');
      return write.then(() => {
        throw new Error('the handler failed after its first write');
      });
    });
    await expect(call).rejects.toThrow('the handler failed after its first write');
    expect(await count()).toBe(before);
  });

  it('a COMMIT that fails is the call’s error, and the shaped result is not handed out', async () => {
    const before = await count();
    const call = t.db.transaction(
      async (tx) => {
        // The deferred unique check runs at COMMIT.
        await tx.query('insert into tx_probe (k) values (2), (2)');
        return 'written';
      },
      // Shaping runs while COMMIT is on its way; its value must go nowhere.
      (result) => `${result}, shaped`,
    );
    await expect(call).rejects.toMatchObject({ code: '23505' });
    expect(await count()).toBe(before);
  });

  it('a result that cannot be shaped is the call’s error, and what the transaction committed stays', async () => {
    const before = await count();
    const call = t.db.transaction(
      async (tx) => {
        await tx.query('insert into tx_probe (k) values (3)');
        return 3;
      },
      () => {
        throw new TypeError('a bigint has no JSON form');
      },
    );
    await expect(call).rejects.toThrow('a bigint has no JSON form');
    expect(await count()).toBe(before + 1);
  });

  it('the shaped result is what the call returns', async () => {
    const out = await t.db.transaction(
      async (tx) => (await tx.query<{ k: number }>('select 41 + 1 as k'))[0]?.k ?? 0,
      (k) => k * 10,
    );
    expect(out).toBe(420);
  });
});
