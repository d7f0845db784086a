-- R-ARC-6. Every filter is "null = not given"; the planner folds the unused ones away (custom plans), so
-- unit and floor each use an index. A name prefix and a phone arrive as the ids customers/name-ids and
-- customers/phone-ids found ($4, $5), which the planner estimates exactly.
-- q ($9, $10): LIKE patterns for a part of the unit, name or phones, and for the digits of q in the phones;
-- customer_search_text is the expression of the trigram index (migration 007). Keyset on (unit, id).
select *
  from customer_cards c
 where c.site = $1
   and ($2::text is null or c.unit = $2)
   and ($3::int is null or c.floor = $3)
   and ($4::bigint[] is null or c.id = any($4::bigint[]))
   and ($5::bigint[] is null or c.id = any($5::bigint[]))
   and ($6::text is null or c.category = $6)
   and ($7::text is null or c.grade = $7)
   and ($8::text is null or c.status = $8)
   and ($9::text is null or customer_search_text(c.unit, c.name, c.phones) like $9
        or customer_search_text(c.unit, c.name, c.phones) like $10::text)
   and ($11::jsonb is null or c.custom @> $11::jsonb)
   and ($12::text is null or (c.unit, c.id) > ($12, $13::bigint))
 order by c.unit, c.id
 limit $14::int;
