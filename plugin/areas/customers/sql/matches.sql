-- R-ARC-6, issue 17: the ids of the site's customers whose unit, name or phones hold q (:q, :qDigits as in
-- search.sql), through the trigram index (migration 007); null when there are more than :cap.
-- The patterns are behind scalar subqueries so the planner cannot guess the fragment's breadth from the
-- index's statistics: it then always reads the trigram index. Given the pattern, a fragment the statistics
-- called common (a sample, or another site, rich in it) was read by a sequential scan of the whole table.
select case when count(*) > :cap::int then null else coalesce(jsonb_agg(m.id), '[]') end as ids
  from (select p.id
          from customers p
         where p.site = :site
           and (customer_search_text(p.unit, p.name, p.phones) like (select :q::text)
                or customer_search_text(p.unit, p.name, p.phones) like (select :qDigits::text))
         limit :cap::int + 1) m;
