-- R-DAY-1: $3 when the call was made (occurredAt), $7 when its outcome was entered by $6.
update ticket_callbacks
   set done_at = $3::timestamptz, outcome = $4, comment = $5, staff_id = $6::bigint, entered_at = $7::timestamptz
 where site = $1 and ticket_id = $2::bigint and done_at is null
returning id;
