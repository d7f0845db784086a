-- R-LEN-4: a second issued loan for the archive violates loans_one_out_per_archive (→ CONFLICT).
update loans set state = 'issued', issued_by = $3::bigint, issued_at = $4::timestamptz, due_at = $5::timestamptz,
       pages_out = $6::int, updated_at = $4::timestamptz
 where site = $1 and id = $2::bigint and state = 'approved'
returning id;
