update ticket_transfers set accepted_by = :actorId::bigint, accepted_at = :at::timestamptz
 where site = :site and id = :id::bigint and accepted_at is null
returning id;
