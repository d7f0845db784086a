update loans set state = 'approved', approved_by = $3::bigint, approved_at = $4::timestamptz, updated_at = $4::timestamptz
 where site = $1 and id = $2::bigint and state = 'requested'
returning id;
