-- Keeps reports.monthly's rollup (migration 010) in the change's own transaction: the facts of tickets :ticketIds as
-- they are now, minus :before, their facts before the change (reports/sql/facts.sql), inserted as deltas (migration 015):
-- no row another write updates, so concurrent writes of a site never wait here; reports/sql/fold.sql adds them up.
-- :opened a ticket just opened: a complaint entered with an earlier intake time (R-DAY-1) becomes the previous
-- complaint of its unit's next one, whose repeat key moves. :zone the zone of a site's first write.
with zr as (
  insert into report_zone (site, zone) values (:site, :zone) on conflict (site) do nothing
), zone as (
  select coalesce((select z.zone from report_zone z where z.site = :site), :zone) as zone
), facts as (
  select report_fact_day(f.fact, f.at, zone.zone) as day, f.fact, f.key, coalesce(f.due, '-infinity') as due, 1 as n, f.total
    from report_ticket_facts(:site::text, :ticketIds::bigint[]) f cross join zone
  union all
  select (x->>'day')::date, x->>'fact', x->>'key', (x->>'due')::timestamptz, -(x->>'n')::int, -(x->>'total')::numeric
    from jsonb_array_elements(:before::jsonb) x
  union all
  select report_fact_day('repeat', q.opened_at, zone.zone), 'repeat', r.key::text, '-infinity', r.n, null
    from tickets p
    join tickets q on q.site = p.site and q.unit = p.unit and q.kind = 'complaint' and not q.malicious and q.id <> p.id
   cross join zone
   cross join lateral (values
     (report_repeat_key(q.opened_at, (select max(x.opened_at) from tickets x
                                        where x.site = p.site and x.unit = p.unit and x.kind = 'complaint' and x.id <> q.id and x.id <> p.id
                                          and x.opened_at <= q.opened_at)), -1),
     (report_repeat_key(q.opened_at, (select max(x.opened_at) from tickets x
                                        where x.site = p.site and x.unit = p.unit and x.kind = 'complaint' and x.id <> q.id
                                          and x.opened_at <= q.opened_at)), 1)) r(key, n)
   where p.site = :site and p.id = :opened::bigint and p.kind = 'complaint'
     and q.opened_at = (select min(x.opened_at) from tickets x
                         where x.site = p.site and x.unit = p.unit and x.kind = 'complaint' and x.id <> p.id and x.opened_at >= p.opened_at)
), delta as (
  select day, fact, key, due, sum(n)::int as n, coalesce(sum(total), 0) as total
    from facts
   group by day, fact, key, due
  having sum(n) <> 0 or coalesce(sum(total), 0) <> 0
)
insert into report_fact_deltas (site, day, fact, key, due, n, total)
select :site, case when fact = 'unit' then date_trunc('month', day)::date else day end, fact, key, due, n, total from delta;
