-- The one change an appointment gets: from scheduled to its outcome. No row back = it was not scheduled.
update appointments
   set state = :state::text, missed_by = :missedBy::text, outcome_note = :outcomeNote::text, recorded_by = :actorId::bigint, recorded_at = :at::timestamptz
 where site = :site and id = :id::bigint and state = 'scheduled'
returning id, ticket_id as "ticketId";
