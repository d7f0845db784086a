-- reports.monthly's rollup without a shared hot row in the writes (issue 17): a write's tally
-- (reports/sql/tally.sql) inserts what it changed here, and nothing else; the rollup tables (010) are
-- updated out of band by the fold (reports/sql/fold.sql: the worker loop, and reports.monthly before it
-- reads). Before, every intake of a site upserted the same day rows while the year's ticket counter was
-- held, so concurrent intakes queued on those rows too. The report reads the rollup plus the deltas not
-- folded yet (report_day_rows, reports/sql/monthly-rollup-units.sql), so it is exact whether or not a fold ran.
create table if not exists report_fact_deltas (
  site text not null,
  id bigint generated always as identity,
  day date not null,                          -- report_fact_day; for fact 'unit' the first of the month
  fact text not null,
  key text not null,
  due timestamptz not null default '-infinity',
  n int not null,                             -- for 'unit': tickets
  total numeric not null default 0,           -- for 'unit': complaints
  primary key (site, id)
);

-- The day facts as the report reads them: folded, and still waiting in the deltas.
create or replace view report_day_rows as
select site, day, fact, key, due, n, total from report_day_facts
union all
select site, day, fact, key, due, n, total from report_fact_deltas where fact <> 'unit';

-- A rebuild recomputes a site from its tickets: the deltas are in what it counts.
create or replace function rebuild_report_rollup(p_site text, p_zone text) returns void language plpgsql as $$
begin
  delete from report_fact_deltas where site = p_site;
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
