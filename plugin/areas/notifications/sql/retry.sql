-- A retried event starts a fresh round of attempts, due at once; delivered events are never sent again.
update outbox
   set status = 'pending', attempts = 0, next_attempt_at = :at::timestamptz
 where site = :site and id = any(:ids::bigint[]) and status in ('pending', 'dead')
returning id;
