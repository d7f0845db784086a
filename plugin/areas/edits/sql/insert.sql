insert into edit_requests (site, entity, entity_id, customer_id, changes, before, base_version, reason, requested_by, requested_at)
values ($1, $2, $3::bigint, $4::bigint, $5::jsonb, $6::jsonb, $7::int, $8, $9::bigint, $10::timestamptz)
returning id;
