-- R-ARC-6. Every filter is "null = not given"; the planner folds the unused ones away (custom plans), so
-- unit, floor and name each use an index. A phone arrives as the ids customers/phone-ids found (:phoneIds),
-- which the planner estimates exactly.
-- :name (a LIKE prefix pattern) orders the page by name: the planner folds the CASEs below to the one order
-- given, and the walk of customers_name_order (migration 014) from the prefix stops at :limit. Otherwise
-- sorted by unit. Keyset on (unit, id), or (lower(name), id) with :name.
-- q (:q, :qDigits): LIKE patterns for a part of the unit, name or phones, and for the digits of q in the phones;
-- customer_search_text is the expression of the trigram index (migration 007).
select *
  from customer_cards c
 where c.site = :site
   and (:unit::text is null or c.unit = :unit)
   and (:floor::int is null or c.floor = :floor)
   and (:name::text is null or lower(c.name) collate "C" like :name)
   and (:phoneIds::bigint[] is null or c.id = any(:phoneIds::bigint[]))
   and (:category::text is null or c.category = :category)
   and (:grade::text is null or c.grade = :grade)
   and (:status::text is null or c.status = :status)
   and (:q::text is null or customer_search_text(c.unit, c.name, c.phones) like :q
        or customer_search_text(c.unit, c.name, c.phones) like :qDigits::text)
   and (:custom::jsonb is null or c.custom @> :custom::jsonb)
   and (:afterKey::text is null
        or (:name::text is null and (c.unit, c.id) > (:afterKey, :afterId::bigint))
        or (:name::text is not null and (lower(c.name) collate "C", c.id) > (lower(:afterKey) collate "C", :afterId::bigint)))
 order by case when :name::text is null then c.unit end,
          case when :name::text is not null then lower(c.name) collate "C" end,
          c.id
 limit :limit::int;
