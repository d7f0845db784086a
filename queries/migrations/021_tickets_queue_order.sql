-- Issue 17: tickets.myQueue reads its page from the reader's department's and the reader's own open tickets,
-- newest first, and stops (tickets/sql/queue-ids.sql).
--
-- The queue's one statement (tickets/list.sql with `mine`) filtered "open and (my department or assigned to me)"
-- while walking the site's tickets newest first: 15,000–18,000 buffers a page at 10k, 1M and 10M tickets
-- alike, and slower as those pages left memory. Each index holds open tickets only (the states model.ts's
-- openStates leaves out), in the page's order; the queue reads one per branch.
create index if not exists tickets_queue_department on tickets (site, department_id, opened_at desc, id desc)
  where state not in ('replied', 'callback_pending', 'closed');
create index if not exists tickets_queue_assignee on tickets (site, assignee_id, opened_at desc, id desc)
  where state not in ('replied', 'callback_pending', 'closed');
