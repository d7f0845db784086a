select id, department_id as "departmentId", roles, active from staff where site = :site and id = :id::bigint;
