-- R-ARC-6. Every filter is "null = not given"; the planner folds the unused ones away (custom plans), so
-- unit and floor each use an index. A name prefix and a phone arrive as the ids customers/name-ids and
-- customers/phone-ids found (:nameIds, :phoneIds), which the planner estimates exactly.
-- q (:q, :qDigits): LIKE patterns for a part of the unit, name or phones, and for the digits of q in the phones;
-- customer_search_text is the expression of the trigram index (migration 007). Keyset on (unit, id).
select *
  from customer_cards c
 where c.site = :site
   and (:unit::text is null or c.unit = :unit)
   and (:floor::int is null or c.floor = :floor)
   and (:nameIds::bigint[] is null or c.id = any(:nameIds::bigint[]))
   and (:phoneIds::bigint[] is null or c.id = any(:phoneIds::bigint[]))
   and (:category::text is null or c.category = :category)
   and (:grade::text is null or c.grade = :grade)
   and (:status::text is null or c.status = :status)
   and (:q::text is null or customer_search_text(c.unit, c.name, c.phones) like :q
        or customer_search_text(c.unit, c.name, c.phones) like :qDigits::text)
   and (:custom::jsonb is null or c.custom @> :custom::jsonb)
   and (:afterUnit::text is null or (c.unit, c.id) > (:afterUnit, :afterId::bigint))
 order by c.unit, c.id
 limit :limit::int;
