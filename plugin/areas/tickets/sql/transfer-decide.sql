update ticket_transfers set decision = $3, decided_by = $4::bigint, decided_at = $5::timestamptz
 where site = $1 and id = $2::bigint and decision is null
returning id;
