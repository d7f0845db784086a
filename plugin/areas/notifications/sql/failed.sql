-- After :maxAttempts attempts the event is dead: still listed, and notifications.retry brings it back.
update outbox
   set attempts = attempts + 1,
       last_error = :error::text,
       status = case when attempts + 1 >= :maxAttempts::int then 'dead' else 'pending' end,
       next_attempt_at = :retryAt::timestamptz
 where site = :site and id = :id::bigint and status = 'pending' and next_attempt_at = :leaseUntil::timestamptz
returning status;
