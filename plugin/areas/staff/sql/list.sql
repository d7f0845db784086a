select s.id, s.name, s.tooljet_user_id as "tooljetUserId", s.email, s.phone, s.roles, s.active, s.department_id as "departmentId",
       d.code as "departmentCode", (s.api_key_hash is not null) as "hasApiKey"
  from staff s
  left join departments d on d.site = s.site and d.id = s.department_id
 where s.site = $1
   and ($2::text is null or $2 = any (s.roles))
   and ($3::text is null or d.code = $3)
   and ($4::boolean or s.active)
 order by s.name, s.id;
