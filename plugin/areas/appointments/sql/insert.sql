insert into appointments (site, ticket_id, kind, window_start, window_end, assignee_id, contact, note, booked_by, booked_at)
values (:site, :ticketId::bigint, :kind::text, :from::timestamptz, :to::timestamptz, :assigneeId::bigint, :contact::text, :note::text, :actorId::bigint, :at::timestamptz)
returning id;
