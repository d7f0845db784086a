select id, department_id as "departmentId", roles, active from staff where site = $1 and id = $2::bigint;
