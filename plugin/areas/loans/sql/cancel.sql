update loans set state = 'cancelled', cancelled_by = $3::bigint, cancelled_at = $4::timestamptz, updated_at = $4::timestamptz
 where site = $1 and id = $2::bigint and state in ('requested', 'approved')
returning id;
