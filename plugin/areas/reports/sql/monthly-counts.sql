-- R-REP-1 tickets opened in [:from, :to) by kind, category, severity, department and channel. Malicious
-- complaints are counted here: they are recorded like any other (R-TIC-4).
with t as (
  select t.kind, coalesce(t.category, 'unclassified') as category, coalesce(t.severity, 'unclassified') as severity,
         coalesce(d.name, 'unassigned') as department, t.channel
    from tickets t
    left join departments d on d.site = t.site and d.id = t.department_id
   where t.site = :site and t.opened_at >= :from::timestamptz and t.opened_at < :to::timestamptz
)
select case when grouping(kind) = 0 then 'kind'
            when grouping(category) = 0 then 'category'
            when grouping(severity) = 0 then 'severity'
            when grouping(department) = 0 then 'department'
            else 'channel' end as dimension,
       coalesce(kind, category, severity, department, channel) as key,
       count(*)::int as count
  from t
 group by grouping sets ((kind), (category), (severity), (department), (channel))
 order by dimension, count desc, key;
