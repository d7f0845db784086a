select id, status from customers where site = $1 and id = $2::bigint
