-- R-ARC-6: customers whose name starts with :pattern (lower-case, LIKE-escaped, ending in %), through the
-- text_pattern_ops index. Resolved before the search for the same reason as phone-ids.sql: sorted by unit
-- with a LIMIT, the planner would rather walk the unit index and filter every row.
select id from customers
 where site = :site and lower(name) like :pattern
 limit 10000;
