update loans set state = 'approved', approved_by = :actorId::bigint, approved_at = :at::timestamptz, updated_at = :at::timestamptz
 where site = :site and id = :id::bigint and state = 'requested'
returning id;
