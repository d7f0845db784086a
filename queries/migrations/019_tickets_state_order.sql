-- Issue 17: tickets.search by one state reads its page in order from that state's tickets and stops.
--
-- tickets_state (site, state) gave a state's tickets in no order: a page sorted all of them (every in-progress
-- ticket of the site), or, where the planner judged that worse, walked the site's tickets newest first and
-- filtered — at 10M tickets ~13,500 rows for a page of 51 in-progress repairs. With the page's order in the
-- key, a page is as many index entries as it has rows. Counts by state read the same index.
create index if not exists tickets_state_opened on tickets (site, state, opened_at desc, id desc);
drop index if exists tickets_state;
