// tickets.search with free text that no trigram narrows (issue 17): a two-character word is tested ticket by
// ticket, newest first. Each call walks a bounded stretch of the site; a page that is not full there carries a
// cursor to walk on, and paging finds every ticket that holds the word, none twice.
import { describe, expect, it } from 'vitest';
import { execute } from '../plugin/core/runner.js';
import { useTicketDesk } from './tickets.due-soon.fixtures.js';
import { explain, recording, rowsRead } from './support/plans.js';

const rows = 120_000;
// Ticket g opened g minutes before 09:00 on the desk's day: g = 1 is the newest.
const desk = useTicketDesk(rows, `timestamptz '2026-10-09 09:00+08' - g * interval '1 minute'`, 'select 1');
const numberOf = (g: number) => `26${String(g).padStart(7, '0')}`;

interface Page {
  items: { number: string }[];
  nextCursor: string | null;
}

/** One page as the agent, and the tickets its page statements read (EXPLAIN ANALYZE of each, run again). */
async function searched(input: Record<string, unknown>): Promise<Page & { read: number }> {
  const { t, cast } = desk;
  if (!t || !cast) throw new Error('runs in a test');
  const noted = recording(t.db);
  const found = await execute<Page>({ ...t.env, db: noted.db }, 'tickets.search', input, { kind: 'staff', staffId: cast.agent });
  let read = 0;
  // The page statements (sql/list.sql), not the walk's end (sql/search-floor.sql), which reads index entries only.
  for (const s of noted.statements.filter((x) => /\bfrom tickets t\b/.test(x.text) && !/\boffset\b/.test(x.text))) read += rowsRead(await explain(t.sql, s), 'tickets');
  return { ...found, read };
}

/** Every page of q, in order: the numbers found and the tickets each call read. */
async function allPages(q: string): Promise<{ numbers: string[]; calls: Page[]; reads: number[] }> {
  const numbers: string[] = [];
  const calls: Page[] = [];
  const reads: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await searched({ q, limit: 50, ...(cursor ? { cursor } : {}) });
    numbers.push(...page.items.map((i) => i.number));
    calls.push(page);
    reads.push(page.read);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && calls.length < 20);
  return { numbers, calls, reads };
}

async function mark(word: string, gs: number[]): Promise<void> {
  await desk.t!.sql(`update tickets set matter = matter || ' ' || $1 where number = any($2::text[])`, [word, gs.map(numberOf)]);
}

describe('free text that no trigram narrows', () => {
  it(`issue 17 R-TIC-3 a word in the matter of only the oldest of ${rows} tickets: each call walks a bounded stretch, and paging finds it`, async () => {
    // Around where each call's walks end (5,000 and 50,000 tickets past its cursor) and the site's oldest ticket.
    const holders = [5_000, 5_001, 50_000, 50_001, 55_000, 55_001, 100_000, 100_001, rows];
    await mark('冷气', holders);
    const { numbers, calls, reads } = await allPages('冷气');
    expect(numbers).toEqual(holders.map(numberOf));
    expect(calls.at(-1)!.nextCursor).toBeNull();
    // Before: one call walked the whole site (120,000 tickets) for the page. Now no call reads more than its walks.
    for (const read of reads) expect(read).toBeLessThanOrEqual(5_000 + 50_000 + 2 * 51);
    expect(calls.length).toBeGreaterThan(1);
  }, 300_000);

  it('issue 17 R-TIC-3 a word in the matter of many recent tickets fills the page in the first walk, as a plain search would', async () => {
    const holders = Array.from({ length: 120 }, (_, k) => 7 + k * 31);
    await mark('漏水', holders);
    const first = await searched({ q: '漏水', limit: 50 });
    expect(first.items.map((i) => i.number)).toEqual(holders.slice(0, 50).map(numberOf));
    expect(first.read).toBeLessThanOrEqual(5_000 + 51);
    const second = await searched({ q: '漏水', limit: 50, cursor: first.nextCursor });
    expect(second.items.map((i) => i.number)).toEqual(holders.slice(50, 100).map(numberOf));
  }, 300_000);
});
