update loans set state = 'returned', returned_by = :actorId::bigint, returned_at = :at::timestamptz, pages_returned = :pagesReturned::int,
       missing_pages = :missingPages::int, return_note = :note::text, updated_at = :at::timestamptz
 where site = :site and id = :id::bigint and state = 'issued'
returning id;
