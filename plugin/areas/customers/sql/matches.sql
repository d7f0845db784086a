-- R-ARC-6, issue 17: the ids of the site's customers whose unit, name or phones hold q (:q, :qDigits as in
-- search.sql), through the trigram index on search_text (migrations 007, 025); null when there are more than :cap.
-- The patterns come from a CTE, so the planner sees neither: it cannot guess the fragment's breadth from the
-- statistics (a fragment they call common would be read by a scan that stops at :cap + 1 matches, the whole
-- table when it is rare) and reads the trigram index whatever they say; and a CTE is read by the leader alone,
-- so no parallel workers start (a rare fragment took 12 ms with two, 1 ms without, at 1M customers).
with given as materialized (select :q::text as q, :qDigits::text as digits)
select case when count(*) > :cap::int then null else coalesce(jsonb_agg(m.id), '[]') end as ids
  from (select p.id
          from given g, customers p
         where p.site = :site
           and (p.search_text like g.q or p.search_text like g.digits)
         limit :cap::int + 1) m;
