-- R-TIC-10: one open callback per ticket; scheduling again moves its date.
insert into ticket_callbacks (site, ticket_id, due_on, scheduled_at)
values (:site, :ticketId::bigint, :dueOn::date, :at::timestamptz)
on conflict (site, ticket_id) where done_at is null do update set due_on = excluded.due_on, scheduled_at = excluded.scheduled_at
returning id, due_on as "dueOn";
