-- R-ARC-6. Every filter is "null = not given"; the planner folds the unused ones away (custom plans), so
-- unit and floor each use an index. A name prefix and a phone arrive as the ids customers/name-ids and
-- customers/phone-ids found ($4, $5, $11), which the planner estimates exactly.
-- q: unit, name prefix or phone. Keyset on (unit, id).
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
   and ($9::text is null or c.unit = upper($9) or lower(c.name) like $10 or c.id = any($11::bigint[]))
   and ($12::jsonb is null or c.custom @> $12::jsonb)
   and ($13::text is null or (c.unit, c.id) > ($13, $14::bigint))
 order by c.unit, c.id
 limit $15::int;
