-- :leaseUntil is the lease end written by the claim: a row whose lease ran out and was claimed again is left alone.
update outbox
   set status = 'delivered', delivered_at = :at::timestamptz, attempts = attempts + 1, last_error = null
 where site = :site and id = :id::bigint and status = 'pending' and next_attempt_at = :leaseUntil::timestamptz;
