-- R-ARC-6: customers whose name starts with $2 (lower-case, LIKE-escaped, ending in %), through the
-- text_pattern_ops index. Resolved before the search for the same reason as phone-ids.sql: sorted by unit
-- with a LIMIT, the planner would rather walk the unit index and filter every row.
select id from customers
 where site = $1 and lower(name) like $2
 limit 10000;
