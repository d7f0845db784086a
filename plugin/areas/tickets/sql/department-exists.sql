select id from departments where site = :site and id = :id::bigint and active;
