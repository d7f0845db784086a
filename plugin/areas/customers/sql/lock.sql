-- Serialises changes to one customer (update, approval of an edit, vacate).
select id, version, status from customers where site = $1 and id = $2::bigint for update;
