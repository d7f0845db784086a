import type { OpContext } from '../../core/operation.js';
import type { StatementParams } from '../../generated/embedded.js';

/** customers/search's parameters but how q is bounded or replaced (search.sql's header). */
export type SearchParams = Omit<StatementParams['customers/search'], 'bound' | 'ids' | 'limit'> & { limit: number };
type Read<R> = (params: StatementParams['customers/search']) => Promise<R[]>;

/**
 * The first read looks at most this many customers past the cursor per row of the page, and at most BOUND_MAX: a
 * fragment one customer in 40 matches fills a page of 50 there (the first word of a name is shared by one in 20
 * of the bench's customers).
 */
const BOUND_PER_ROW = 40;
const BOUND_MAX = 2_040;
/** More matches than this and the fragment is common: the page is the planner's again (1 customer in 100 at 1M). */
const MATCH_CAP = 10_000;

/**
 * R-ARC-6, issue 17: the page of a free-text search, whatever the planner guesses of the fragment's breadth. Over
 * the whole site it walked the unit index testing each customer when it guessed the fragment common, and for a rare
 * one that was the whole site (49,989 of 50,000 customers for 11 matches). The first read keeps its choice but
 * within the next BOUND_PER_ROW customers a row of the page, in unit order; a page it does not fill is read by id
 * from the fragment's matches, which the trigram index gives. A name prefix orders by name, where the unit bound
 * does not apply: that page is read from the matches at once. Past MATCH_CAP matches the page is the plain
 * statement's, as before.
 */
export async function searchText<R>(ctx: OpContext, read: Read<R>, params: SearchParams & { q: string }): Promise<R[]> {
  if (params.name === null) {
    const bounded = await read({ ...params, bound: Math.min(BOUND_PER_ROW * params.limit, BOUND_MAX), ids: null });
    if (bounded.length === params.limit) return bounded;
  }
  const [found] = await ctx.sql<{ ids: number[] | null }>('customers/matches', { site: params.site, q: params.q, qDigits: params.qDigits, cap: MATCH_CAP });
  const ids = found?.ids ?? null;
  if (ids?.length === 0) return [];
  return read({ ...params, bound: null, ids });
}
