-- After $5 attempts the event is dead: still listed, and notifications.retry brings it back.
update outbox
   set attempts = attempts + 1,
       last_error = $4,
       status = case when attempts + 1 >= $5::int then 'dead' else 'pending' end,
       next_attempt_at = $6::timestamptz
 where site = $1 and id = $2::bigint and status = 'pending' and next_attempt_at = $3::timestamptz
returning status;
