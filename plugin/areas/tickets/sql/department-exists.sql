select id from departments where site = $1 and id = $2::bigint and active;
