-- Issue 17: a unit's tickets page (tickets.search by unit, newest first) reads as many tickets as the page holds.
--
-- tickets_unit (site, unit, opened_at) left the page's tiebreak (id) out of the key, so the planner read every
-- ticket of the unit, joined each to its clocks and sorted — a unit grows with the years it is served (182
-- tickets for one unit at 10M, 938 buffers a page). With the whole order in the key the read stops at the
-- page. The repeat check (R-TIC-7) and the report's repeat facts read the same index by (site, unit, opened_at).
create index if not exists tickets_unit_opened on tickets (site, unit, opened_at desc, id desc);
drop index if exists tickets_unit;
