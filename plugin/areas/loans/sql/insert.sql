-- $6 when the request was made (occurredAt, R-DAY-1), $9 when it was entered.
insert into loans (site, archive_id, borrower_id, purpose, place, requested_at, last_event_at, custom, form_version, created_at, updated_at)
values ($1, $2::bigint, $3::bigint, $4, $5, $6::timestamptz, $6::timestamptz, $7::jsonb, $8::int, $9::timestamptz, $9::timestamptz)
returning id;
