update loans set due_at = $3::timestamptz, renewals = renewals + 1, updated_at = $4::timestamptz
 where site = $1 and id = $2::bigint and state = 'issued'
returning id;
