-- Newest first; :afterId is the last id of the previous page (keyset pagination).
select id, event_id as "eventId", event, status, attempts, payload,
       created_at as "createdAt", next_attempt_at as "nextAttemptAt", delivered_at as "deliveredAt", last_error as "lastError"
  from outbox
 where site = :site
   and (:status::text is null or status = :status)
   and (:event::text is null or event = :event)
   and (:afterId::bigint is null or id < :afterId)
 order by id desc
 limit :limit::int;
