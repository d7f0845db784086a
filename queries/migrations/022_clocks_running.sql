-- Issue 17: a ticket page's "next due" and "overdue" (tickets/sql/list.sql's lateral, one probe per row) ask for a
-- ticket's running clocks only. ticket_clocks_outcome (007) holds every clock, met or not: at 10M tickets it is
-- 2.3 GiB, and a unit's page of mostly closed tickets read its leaves from disk, 1.3 ms a ticket (EXPLAIN,
-- 15:20–15:31 UTC). 1.2M of the 33M clocks there are running; this index of them is 45 MiB and stays in memory.
create index if not exists ticket_clocks_running on ticket_clocks (site, ticket_id) include (due_at)
  where met_at is null and paused_at is null;
