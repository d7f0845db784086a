-- R-DAY-1: :doneAt when the call was made (occurredAt), :enteredAt when its outcome was entered by :staffId.
update ticket_callbacks
   set done_at = :doneAt::timestamptz, outcome = :outcome::text, comment = :comment::text, staff_id = :staffId::bigint, entered_at = :enteredAt::timestamptz
 where site = :site and ticket_id = :ticketId::bigint and done_at is null
returning id;
