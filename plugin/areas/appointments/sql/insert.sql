insert into appointments (site, ticket_id, kind, window_start, window_end, assignee_id, contact, note, booked_by, booked_at)
values ($1, $2::bigint, $3, $4::timestamptz, $5::timestamptz, $6::bigint, $7, $8, $9::bigint, $10::timestamptz)
returning id;
