insert into edit_requests (site, entity, entity_id, customer_id, changes, before, base_version, reason, requested_by, requested_at)
values (:site, :entity::text, :entityId::bigint, :customerId::bigint, :changes::jsonb, :before::jsonb, :baseVersion::int, :reason::text, :actorId::bigint, :now::timestamptz)
returning id;
