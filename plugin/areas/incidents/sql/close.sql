update incidents set state = 'closed', closed_by = :actorId::bigint, closed_at = :at::timestamptz, close_note = :note::text
 where site = :site and id = :id::bigint and state = 'open'
returning id;
