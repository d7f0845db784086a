-- Newest first; $2 state or null, $3/$4 opened between (inclusive/exclusive) or null.
select i.id, i.title, i.location, i.state, i.occurred_at as "occurredAt", i.opened_at as "openedAt", i.closed_at as "closedAt",
       (select count(*)::int from tickets t where t.site = i.site and t.incident_id = i.id) as "ticketCount"
  from incidents i
 where i.site = $1
   and ($2::text is null or i.state = $2::text)
   and ($3::timestamptz is null or i.opened_at >= $3::timestamptz)
   and ($4::timestamptz is null or i.opened_at < $4::timestamptz)
 order by i.opened_at desc, i.id desc
 limit $5::int;
