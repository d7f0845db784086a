import { describe, expect, it } from 'vitest';
import type { OpContext } from '../plugin/core/operation.js';
import { transition } from '../plugin/core/transition.js';
import { isDeskError } from '../plugin/core/errors.js';

// A context whose statement touches the rows given: only `sql` is used by transition().
const approve = { site: 'main', id: 7, actorId: 1, at: new Date() };
const touching = (rows: unknown[]) => ({ sql: async () => rows }) as unknown as OpContext;

describe('core transition()', () => {
  it('R-LEN-1 R-TIC-12 an update that touched no row is a STATE error, never a silent success', async () => {
    const e = await transition(touching([]), 'loans/approve', approve, 'loan 7 changed meanwhile').catch((x: unknown) => x);
    expect(isDeskError(e) && [e.code, e.message]).toEqual(['STATE', 'loan 7 changed meanwhile']);
  });

  it('returns the row the update returned', async () => {
    expect(await transition(touching([{ id: 7 }]), 'loans/approve', approve, 'x')).toEqual({ id: 7 });
  });
});
