insert into loans (site, archive_id, borrower_id, purpose, place, requested_at, custom, form_version, created_at, updated_at)
values ($1, $2::bigint, $3::bigint, $4, $5, $6::timestamptz, $7::jsonb, $8::int, $6::timestamptz, $6::timestamptz)
returning id;
