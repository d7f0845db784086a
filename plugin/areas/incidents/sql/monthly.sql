-- R-DAY-7 for the monthly report: incidents opened in [:from, :to), and the tickets linked to them, apart
-- from the ticket counts (a burst of 50 calls is one incident and 50 tickets).
select count(*)::int as opened,
       count(*) filter (where i.state = 'closed')::int as closed,
       coalesce(sum((select count(*) from tickets t where t.site = i.site and t.incident_id = i.id)), 0)::int as "linkedTickets",
       coalesce(sum((select count(*) from tickets t where t.site = i.site and t.incident_id = i.id and t.kind = 'complaint')), 0)::int as "linkedComplaints"
  from incidents i
 where i.site = :site and i.opened_at >= :from::timestamptz and i.opened_at < :to::timestamptz;
