-- Newest first; :state state or null, :from/:to opened between (inclusive/exclusive) or null.
select i.id, i.title, i.location, i.state, i.occurred_at as "occurredAt", i.opened_at as "openedAt", i.closed_at as "closedAt",
       (select count(*)::int from tickets t where t.site = i.site and t.incident_id = i.id) as "ticketCount"
  from incidents i
 where i.site = :site
   and (:state::text is null or i.state = :state::text)
   and (:from::timestamptz is null or i.opened_at >= :from::timestamptz)
   and (:to::timestamptz is null or i.opened_at < :to::timestamptz)
 order by i.opened_at desc, i.id desc
 limit :limit::int;
