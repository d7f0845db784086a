import type { OpContext } from '../../core/operation.js';
import type { StatementParams } from '../../generated/embedded.js';

/** customers/search's parameters but q and how it is applied (search.sql's header). */
export type SearchParams = Omit<StatementParams['customers/search'], 'walk' | 'ids' | 'limit'> & { limit: number };
type Read<R> = (params: StatementParams['customers/search']) => Promise<R[]>;

/**
 * The walk reads at most this many customers per row of the page, and at most WALK_MAX: a fragment one customer
 * in 40 matches fills a page of 50 from the walk (the first word of a name is shared by one in 20 of the bench's
 * customers). A walked customer costs about 3 µs (customer_search_text, a SQL function the planner cannot inline).
 */
const WALK_PER_ROW = 40;
const WALK_MAX = 2_040;
/** More matches than this and the page is left to the planner: the fragment is common, the walk finds it soon. */
const MATCH_CAP = 10_000;

/**
 * R-ARC-6, issue 17: the page of a free-text search, whatever the planner guesses of the fragment's breadth. In one
 * statement it either walked the unit index testing each customer (right for a common fragment; for a rare one it
 * had guessed common, the whole site: 49,989 of 50,000 customers for 11 matches) or read every match from the
 * trigram index and sorted them. Here the walk comes first and is bounded (WALK_PER_ROW); a page it does not fill
 * is read by id from the fragment's matches, which the trigram index gives; past MATCH_CAP matches the fragment is
 * common after all (1 customer in 100 at 1M) and the page is the plain statement's, as before.
 */
export async function searchText<R>(ctx: OpContext, read: Read<R>, params: SearchParams & { q: string }): Promise<R[]> {
  const walked = await read({ ...params, walk: Math.min(WALK_PER_ROW * params.limit, WALK_MAX), ids: null });
  if (walked.length === params.limit) return walked;
  const [found] = await ctx.sql<{ ids: number[] | null }>('customers/matches', { site: params.site, q: params.q, qDigits: params.qDigits, cap: MATCH_CAP });
  const ids = found?.ids ?? null;
  if (ids?.length === 0) return [];
  return read({ ...params, walk: null, ids });
}
