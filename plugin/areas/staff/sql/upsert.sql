-- :id null → a new staff member; otherwise an update of that id. Keys left null keep their value.
with dept as (
  select id from departments where site = :site and code = :departmentCode
), ins as (
  insert into staff (site, name, tooljet_user_id, email, phone, department_id, roles, active)
  select :site, :name::text, :tooljetUserId::text, :email::text, :phone::text, (select id from dept), :roles::text[], coalesce(:active::boolean, true)
   where :id::bigint is null
  returning *
), upd as (
  update staff s
     set name = coalesce(:name, s.name),
         tooljet_user_id = coalesce(:tooljetUserId, s.tooljet_user_id),
         email = coalesce(:email, s.email),
         phone = coalesce(:phone, s.phone),
         department_id = case when :departmentCode::text is null then s.department_id else (select id from dept) end,
         roles = coalesce(:roles, s.roles),
         active = coalesce(:active, s.active),
         updated_at = now()
   where s.site = :site and s.id = :id::bigint
  returning s.*
)
select r.id, r.name, r.tooljet_user_id as "tooljetUserId", r.email, r.phone, r.roles, r.active, r.department_id as "departmentId",
       (select code from departments d where d.site = :site and d.id = r.department_id) as "departmentCode",
       (r.api_key_hash is not null) as "hasApiKey"
  from (select * from ins union all select * from upd) r;
