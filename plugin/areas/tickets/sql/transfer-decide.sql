update ticket_transfers set decision = :decision, decided_by = :actorId::bigint, decided_at = :at::timestamptz
 where site = :site and id = :id::bigint and decision is null
returning id;
