update loans set state = 'returned', returned_by = $3::bigint, returned_at = $4::timestamptz, pages_returned = $5::int,
       missing_pages = $6::int, return_note = $7, updated_at = $4::timestamptz
 where site = $1 and id = $2::bigint and state = 'issued'
returning id;
