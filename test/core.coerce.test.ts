import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../plugin/core/coerce.js';
import { defineOperation, type AnyOperation } from '../plugin/core/operation.js';
import { DeskError } from '../plugin/core/errors.js';
import { operationList } from '../plugin/app.js';
import { instant, localDate } from '../plugin/core/schemas.js';

const op = defineOperation({
  name: 'test.coerce',
  title: 'coercion probe',
  access: 'public',
  kind: 'read',
  input: z.object({
    count: z.number().int().optional(),
    ratio: z.number().optional(),
    flag: z.boolean().optional(),
    name: z.string().min(1).optional(),
    tags: z.array(z.string()).optional(),
    filter: z.object({ floor: z.number().int(), vip: z.boolean().optional() }).optional(),
    kind: z.enum(['complaint', 'repair']).optional(),
    when: instant.optional(),
    day: localDate.optional(),
    note: z.string().nullable().optional(),
  }),
  output: z.unknown(),
  handler: async () => null,
});

const parse = (raw: unknown) => parseInput(op, raw) as Record<string, unknown>;

describe('coercion of ToolJet inputs', () => {
  it('turns codehinter literals into the types the schema wants', () => {
    expect(parse({ count: '42', ratio: ' 0.5 ', flag: 'true', name: 'x' })).toEqual({ count: 42, ratio: 0.5, flag: true, name: 'x' });
    expect(parse({ flag: 'FALSE' })).toEqual({ flag: false });
  });

  it('treats an empty string as "not given", also inside JSON', () => {
    expect(parse({ count: '', name: '', tags: '' })).toEqual({});
    expect(parse({ filter: { floor: '12', vip: '' } })).toEqual({ filter: { floor: 12 } });
  });

  it('parses JSON text where the schema wants an object or array', () => {
    expect(parse({ tags: '["a","b"]', filter: '{"floor":"3","vip":"true"}' })).toEqual({ tags: ['a', 'b'], filter: { floor: 3, vip: true } });
  });

  it('accepts Date values and ISO text for instants and dates', () => {
    expect(parse({ when: new Date('2026-10-09T08:00:00Z') })).toEqual({ when: '2026-10-09T08:00:00.000Z' });
    expect(parse({ when: '2026-10-09T16:00', day: '2026-10-09' })).toEqual({ when: '2026-10-09T16:00', day: '2026-10-09' });
  });

  it('keeps null where the schema allows it (clearing a field), drops it elsewhere', () => {
    expect(parse({ note: null, count: null })).toEqual({ note: null });
  });

  it('refuses what it cannot read, naming every field', () => {
    const error = (() => {
      try {
        parse({ count: '4.5x', flag: 'yes', tags: '[broken', kind: 'praise', colour: 'red', day: '2026-13-01' });
      } catch (e) {
        return e as DeskError;
      }
    })();
    expect(error).toBeInstanceOf(DeskError);
    expect(error?.code).toBe('VALIDATION');
    expect(error?.issues.map((i) => i.path).sort()).toEqual(['colour', 'count', 'day', 'flag', 'kind', 'tags']);
  });

  it('§7 refuses text with a NUL character (PostgreSQL cannot store it), naming the field, nested too', () => {
    expect(() => parse({ name: 'a\u0000b', tags: ['ok', 'x\u0000'] })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        issues: [
          { path: 'name', message: 'must not contain NUL characters' },
          { path: 'tags.1', message: 'must not contain NUL characters' },
        ],
      }),
    );
  });
});

// Values as ToolJet sends them: literals as text, expressions as any JSON value.
const toolJetValue = fc.oneof(
  fc.string(),
  fc.constantFrom('', 'true', 'false', '42', '-1', '1e3', 'null', '[]', '{}', '{"a":1}', '[1,"x"]', '2026-10-09', '2026-10-09T16:00:00+08:00'),
  fc.jsonValue(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: true }),
);

function assertParsesOrNamesAField(target: AnyOperation, raw: unknown): void {
  try {
    parseInput(target, raw);
  } catch (e) {
    expect(e).toBeInstanceOf(DeskError);
    const error = e as DeskError;
    expect(error.code).toBe('VALIDATION');
    expect(error.issues.length).toBeGreaterThan(0);
    for (const issue of error.issues) expect(typeof issue.path).toBe('string');
  }
}

describe('coercion properties (fast-check)', () => {
  it('any input object either parses or is a VALIDATION error with paths; never a crash', () => {
    const keys = fc.constantFrom('count', 'ratio', 'flag', 'name', 'tags', 'filter', 'kind', 'when', 'day', 'note', 'other');
    fc.assert(
      fc.property(fc.dictionary(keys, toolJetValue), (raw) => assertParsesOrNamesAField(op, raw)),
      { numRuns: 500 },
    );
  });

  it('the same holds for every registered operation, with its own field names', () => {
    for (const target of operationList()) {
      const fields = Object.keys(target.input.shape);
      const keys = fc.constantFrom(...fields, 'unknownField');
      fc.assert(
        fc.property(fc.dictionary(keys, toolJetValue), (raw) => assertParsesOrNamesAField(target, raw)),
        { numRuns: 40 },
      );
    }
  });

  it('non-object inputs (text, numbers, arrays) are refused cleanly', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ minLength: 1 }), fc.integer(), fc.array(fc.jsonValue())), (raw) => assertParsesOrNamesAField(op, raw)));
  });

  it('a number written as text always comes back as that number', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (n) => {
        expect(parse({ count: String(n) })).toEqual({ count: n });
      }),
    );
  });
});
