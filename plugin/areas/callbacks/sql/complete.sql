update ticket_callbacks
   set done_at = $3::timestamptz, outcome = $4, comment = $5, staff_id = $6::bigint
 where site = $1 and ticket_id = $2::bigint and done_at is null
returning id;
