update ticket_transfers set accepted_by = $3::bigint, accepted_at = $4::timestamptz
 where site = $1 and id = $2::bigint and accepted_at is null
returning id;
