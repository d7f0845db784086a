-- R-REP-1 as reports/sql/monthly-counts.sql, from the rollup's days [:firstDay, :nextDay) with the deltas not folded yet (migrations 010, 015).
select f.fact as dimension, case when f.fact = 'department' then coalesce(d.name, 'unassigned') else f.key end as key,
       sum(f.n)::int as count
  from report_day_rows f
  left join departments d on d.site = f.site and f.fact = 'department' and d.id::text = f.key
 where f.site = :site and f.day >= :firstDay::date and f.day < :nextDay::date and f.fact in ('kind', 'category', 'severity', 'department', 'channel')
 group by 1, 2
having sum(f.n) > 0
 order by dimension, count desc, key;
