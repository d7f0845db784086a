-- Issue 17: tickets.dueSoon reads its page (500 running clocks, soonest first) in this index's order and stops.
--
-- ticket_clocks_open (site, due_at) gave the clocks in due order only: tickets/due-soon.sql sorts by (due_at,
-- ticket, clock), so every call sorted each due instant's group, and at 10M tickets (879k running clocks due
-- within 4 hours) the planner split that walk over parallel workers that each joined ~500 tickets for a page of
-- 500 (1,488 ticket reads, 8.5k buffers). With the whole sort key here and the clock's basis included, the page
-- is an index-only walk of 500 entries and 500 ticket reads at any size. Every other reader of running clocks
-- filters on (site, due_at) or (site, ticket_id) and is served by this index or ticket_clocks_outcome (007).
create index if not exists ticket_clocks_due on ticket_clocks (site, due_at, ticket_id, clock) include (basis)
  where met_at is null and paused_at is null;
drop index if exists ticket_clocks_open;
