import type { OpContext } from '../../core/operation.js';
import type { StatementParams } from '../../generated/embedded.js';

/** customers/search's parameters but q and how it is applied (search.sql's header). */
export type SearchParams = Omit<StatementParams['customers/search'], 'walk' | 'ids' | 'limit'> & { limit: number };
type Read<R> = (params: StatementParams['customers/search']) => Promise<R[]>;

/**
 * The page walks at most this many customers per row it returns: a fragment one customer in 40 matches fills
 * the page from the walk (the first word of a name is shared by one in 20 of the bench's customers).
 */
const WALK_PER_ROW = 40;
/** More matches than this and the page is left to the planner: the fragment is common, the walk finds it soon. */
const MATCH_CAP = 10_000;

/**
 * R-ARC-6, issue 17: the page of a free-text search whatever the planner guesses of the fragment's breadth.
 * In one statement the planner either walked the unit index testing every customer (right for a common fragment,
 * the whole site for a rare one it had guessed common: 49,989 of 50,000 customers for 11 matches) or read every
 * match from the trigram index and sorted them. Here each way is bounded: first the walk, over at most
 * WALK_PER_ROW customers per row of the page; a page it does not fill is read from the fragment's matches,
 * fetched through the trigram index, by their ids; past MATCH_CAP matches the fragment is common after all,
 * and the plain statement walks (the matches are at least 1 in 100 customers at 1M).
 */
export async function searchText<R>(ctx: OpContext, read: Read<R>, params: SearchParams & { q: string }): Promise<R[]> {
  const walked = await read({ ...params, walk: WALK_PER_ROW * params.limit, ids: null });
  if (walked.length === params.limit) return walked;
  const [found] = await ctx.sql<{ ids: number[] | null }>('customers/matches', { site: params.site, q: params.q, qDigits: params.qDigits, cap: MATCH_CAP });
  const ids = found?.ids ?? null;
  if (ids?.length === 0) return [];
  return read({ ...params, walk: null, ids });
}
