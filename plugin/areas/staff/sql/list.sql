select s.id, s.name, s.tooljet_user_id as "tooljetUserId", s.email, s.phone, s.roles, s.active, s.department_id as "departmentId",
       d.code as "departmentCode", (s.api_key_hash is not null) as "hasApiKey"
  from staff s
  left join departments d on d.site = s.site and d.id = s.department_id
 where s.site = :site
   and (:role::text is null or :role = any (s.roles))
   and (:departmentCode::text is null or d.code = :departmentCode)
   and (:includeInactive::boolean or s.active)
 order by s.name, s.id;
