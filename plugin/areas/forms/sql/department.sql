select id, code from departments where site = :site and code = :code::text and active
