-- A retried event starts a fresh round of attempts, due at once; delivered events are never sent again.
update outbox
   set status = 'pending', attempts = 0, next_attempt_at = $3::timestamptz
 where site = $1 and id = any($2::bigint[]) and status in ('pending', 'dead')
returning id;
