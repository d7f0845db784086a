-- $3 is the lease end written by the claim: a row whose lease ran out and was claimed again is left alone.
update outbox
   set status = 'delivered', delivered_at = $4::timestamptz, attempts = attempts + 1, last_error = null
 where site = $1 and id = $2::bigint and status = 'pending' and next_attempt_at = $3::timestamptz;
