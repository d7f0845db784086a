update loans set state = 'cancelled', cancelled_by = :actorId::bigint, cancelled_at = :at::timestamptz, updated_at = :at::timestamptz
 where site = :site and id = :id::bigint and state in ('requested', 'approved')
returning id;
