-- Newest first; $4 is the last id of the previous page (keyset pagination).
select id, event_id as "eventId", event, status, attempts, payload,
       created_at as "createdAt", next_attempt_at as "nextAttemptAt", delivered_at as "deliveredAt", last_error as "lastError"
  from outbox
 where site = $1
   and ($2::text is null or status = $2)
   and ($3::text is null or event = $3)
   and ($4::bigint is null or id < $4)
 order by id desc
 limit $5::int;
