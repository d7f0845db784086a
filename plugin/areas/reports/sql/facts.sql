-- The report facts of tickets :ticketIds (and their callbacks) before a change, as JSON text so the hours stay exact
-- numerics: reports/sql/tally.sql subtracts them once the change is written (reports/rollup.ts).
select coalesce(jsonb_agg(jsonb_build_object('day', x.day, 'fact', x.fact, 'key', x.key, 'due', x.due, 'n', x.n, 'total', x.total)), '[]')::text as facts
  from (select report_fact_day(f.fact, f.at, coalesce((select z.zone from report_zone z where z.site = :site), :zone::text)) as day,
               f.fact, f.key, coalesce(f.due, '-infinity') as due, count(*) as n, coalesce(sum(f.total), 0) as total
          from report_ticket_facts(:site::text, :ticketIds::bigint[]) f
         group by 1, 2, 3, 4) x;
