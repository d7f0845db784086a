update loans set due_at = :dueAt::timestamptz, renewals = renewals + 1, updated_at = :at::timestamptz
 where site = :site and id = :id::bigint and state = 'issued'
returning id;
