-- R-DAY-1: $9 when it happened (occurredAt), $10 when it was entered; actor_id entered it.
insert into ticket_events (site, ticket_id, operation, from_state, to_state, actor_id, note, data, at, entered_at)
values ($1, $2::bigint, $3, $4, $5, nullif($6::bigint, 0), $7, $8::jsonb, $9::timestamptz, $10::timestamptz);
