-- R-REP-1 the director's quarterly 20% sample of repair records opened in [:from, :to): each record's place
-- is md5(seed, id), so the same seed gives the same sample, and records added later do not reshuffle it.
with population as (
  select t.id, t.number, t.opened_at, t.unit, t.matter, t.state, t.department_id, t.resolved_at,
         row_number() over (order by md5(:seed || ':' || t.id), t.id) as rank,
         count(*) over () as n
    from tickets t
   where t.site = :site and t.kind = 'repair' and t.opened_at >= :from::timestamptz and t.opened_at < :to::timestamptz
)
select p.id, p.number, p.opened_at as "openedAt", p.unit, p.matter, p.state, d.name as department,
       p.resolved_at as "resolvedAt", p.n::int as population
  from population p
  left join departments d on d.site = :site and d.id = p.department_id
 where p.rank <= ceil(0.2 * p.n)
 order by p.rank;
