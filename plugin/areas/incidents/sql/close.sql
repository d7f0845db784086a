update incidents set state = 'closed', closed_by = $3::bigint, closed_at = $4::timestamptz, close_note = $5
 where site = $1 and id = $2::bigint and state = 'open'
returning id;
