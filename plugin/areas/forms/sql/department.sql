select id, code from departments where site = $1 and code = $2 and active
