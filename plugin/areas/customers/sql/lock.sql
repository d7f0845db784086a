-- Serialises changes to one customer (update, approval of an edit, vacate).
select id, version, status from customers where site = :site and id = :id::bigint for update;
