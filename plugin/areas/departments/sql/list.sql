select d.id, d.code, d.name, d.kind, d.active,
       coalesce((select json_agg(json_build_object('id', s.id, 'name', s.name) order by s.name)
                   from staff s where s.site = d.site and s.department_id = d.id and 'dept_head' = any (s.roles) and s.active), '[]') as heads,
       (select count(*) from staff s where s.site = d.site and s.department_id = d.id and s.active) as "staffCount"
  from departments d
 where d.site = :site and (:includeInactive::boolean or d.active)
 order by d.code;
