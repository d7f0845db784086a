// R-TIC-6 / issue 17: tickets.myQueue reads partial indexes over open tickets (migration 021) with the same state
// condition written out in tickets/queue-ids.sql. Open is what tickets/model.ts says it is; if the model's open
// states change, the statement and the indexes must change with them, or the queue shows the wrong tickets or
// stops using its indexes.
import { describe, expect, it } from 'vitest';
import { migrations, statements } from '../plugin/generated/embedded.js';
import { openStates, ticketStates } from '../plugin/areas/tickets/model.js';

const closedStates = ticketStates.filter((s) => !openStates.includes(s));
const condition = `state not in (${closedStates.map((s) => `'${s}'`).join(', ')})`;

describe('R-TIC-6 the queue’s state condition is the model’s open states', () => {
  it('tickets/queue-ids.sql filters both branches with it', () => {
    expect(statements['tickets/queue-ids'].split(condition)).toHaveLength(3);
  });
  it('migration 021 puts it on both queue indexes', () => {
    expect(migrations['migrations/021_tickets_queue_order'].split(condition)).toHaveLength(3);
  });
});
