-- R-LEN-4: a second issued loan for the archive violates loans_one_out_per_archive (→ CONFLICT).
update loans set state = 'issued', issued_by = :actorId::bigint, issued_at = :at::timestamptz, due_at = :dueAt::timestamptz,
       pages_out = :pages::int, updated_at = :at::timestamptz
 where site = :site and id = :id::bigint and state = 'approved'
returning id;
