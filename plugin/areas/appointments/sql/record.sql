-- The one change an appointment gets: from scheduled to its outcome. No row back = it was not scheduled.
update appointments
   set state = $3, missed_by = $4, outcome_note = $5, recorded_by = $6::bigint, recorded_at = $7::timestamptz
 where site = $1 and id = $2::bigint and state = 'scheduled'
returning id, ticket_id as "ticketId";
