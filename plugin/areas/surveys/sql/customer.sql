select id, status from customers where site = :site and id = :id::bigint
