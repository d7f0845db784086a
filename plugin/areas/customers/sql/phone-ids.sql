-- R-ARC-6: customers with this phone (digits), through the GIN index. Resolved before the search because the
-- planner cannot estimate array containment and would otherwise walk the whole unit index in sort order.
select id from customers
 where site = :site and phones @> array[:phone::text]
 limit 10000;
