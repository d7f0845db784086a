update loans set state = 'rejected', rejected_by = $3::bigint, rejected_at = $4::timestamptz, reject_reason = $5, updated_at = $4::timestamptz
 where site = $1 and id = $2::bigint and state = 'requested'
returning id;
