-- R-DAY-6: the customer an intake names, to check it exists and that the unit is theirs.
select id, unit, status from customers where site = :site and id = :customerId::bigint;
