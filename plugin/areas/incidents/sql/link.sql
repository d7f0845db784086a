update tickets set incident_id = $3::bigint, version = version + 1, updated_at = $4::timestamptz
 where site = $1 and id = any($2::bigint[]) and incident_id is distinct from $3::bigint
returning id, state;
