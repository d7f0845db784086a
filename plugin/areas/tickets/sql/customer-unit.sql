-- R-DAY-6: the customer an intake names, to check it exists and that the unit is theirs.
select id, unit, status from customers where site = $1 and id = $2::bigint;
