-- reports.monthly's rollup, lighter to read (issue 17, after migration 010 measured at 1M tickets):
-- the facts with many keys — repeat gaps (0–60 days), handling-time hour buckets, open clocks' due hours —
-- are kept per month instead of per day (the report reads whole months), and a rebuild writes a site's rows
-- in key order, so a month's rows share a few heap blocks instead of one block for a few rows.

-- The day a fact counts on, in `zone`: the first of the month for the many-keyed facts.
create or replace function report_fact_day(fact text, at timestamptz, zone text) returns date
language sql stable as $$
  select case when fact in ('repeat', 'handled', 'due') then date_trunc('month', at at time zone zone)::date
              else (at at time zone zone)::date end
$$;

create or replace function rebuild_report_rollup(p_site text, p_zone text) returns void language plpgsql as $$
begin
  delete from report_day_facts where site = p_site;
  delete from report_unit_months where site = p_site;
  insert into report_zone (site, zone) values (p_site, p_zone) on conflict (site) do update set zone = excluded.zone;
  create temp table report_rebuild on commit drop as
    select report_fact_day(f.fact, f.at, p_zone) as day, f.fact, f.key, coalesce(f.due, '-infinity') as due, f.total
      from report_facts f where f.site = p_site;
  insert into report_day_facts (site, day, fact, key, due, n, total)
  select p_site, r.day, r.fact, r.key, r.due, count(*), coalesce(sum(r.total), 0)
    from report_rebuild r where r.fact <> 'unit' group by r.day, r.fact, r.key, r.due
   order by r.day, r.fact, r.key, r.due;
  insert into report_unit_months (site, month, unit, tickets, complaints)
  select p_site, date_trunc('month', r.day)::date, r.key, count(*), sum(r.total)
    from report_rebuild r where r.fact = 'unit' group by 2, 3
   order by 2, 3;
  drop table report_rebuild;
end $$;

-- The rows 010 wrote per day, again per month where the facts are many-keyed.
select rebuild_report_rollup(z.site, z.zone) from report_zone z;
