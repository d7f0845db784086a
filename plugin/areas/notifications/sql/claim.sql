-- Claims due events for one delivery round. Moving next_attempt_at to the lease end keeps other workers
-- off them while they are in flight; skip locked lets concurrent claims pass each other without waiting.
with due as (
  select id
    from outbox
   where site = :site and status = 'pending' and next_attempt_at <= :claimedAt::timestamptz
   order by next_attempt_at, id
   limit :size::int
     for update skip locked
)
update outbox o
   set next_attempt_at = :leaseUntil::timestamptz
  from due
 where o.site = :site and o.id = due.id
returning o.id, o.event_id as "eventId", o.event, o.payload, o.created_at as "createdAt", o.attempts;
