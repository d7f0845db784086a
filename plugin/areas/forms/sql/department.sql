select id, code from departments where site = :site and code = :code and active
