update loans set state = 'rejected', rejected_by = :actorId::bigint, rejected_at = :at::timestamptz, reject_reason = :reason::text, updated_at = :at::timestamptz
 where site = :site and id = :id::bigint and state = 'requested'
returning id;
