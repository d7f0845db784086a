-- $2 null → a new staff member; otherwise an update of that id. Keys left null keep their value.
with dept as (
  select id from departments where site = $1 and code = $8
), ins as (
  insert into staff (site, name, tooljet_user_id, email, phone, department_id, roles, active)
  select $1, $3, $4, $5, $6, (select id from dept), $7, coalesce($9, true)
   where $2::bigint is null
  returning *
), upd as (
  update staff s
     set name = coalesce($3, s.name),
         tooljet_user_id = coalesce($4, s.tooljet_user_id),
         email = coalesce($5, s.email),
         phone = coalesce($6, s.phone),
         department_id = case when $8::text is null then s.department_id else (select id from dept) end,
         roles = coalesce($7, s.roles),
         active = coalesce($9, s.active),
         updated_at = now()
   where s.site = $1 and s.id = $2::bigint
  returning s.*
)
select r.id, r.name, r.tooljet_user_id as "tooljetUserId", r.email, r.phone, r.roles, r.active, r.department_id as "departmentId",
       (select code from departments d where d.site = $1 and d.id = r.department_id) as "departmentCode",
       (r.api_key_hash is not null) as "hasApiKey"
  from (select * from ins union all select * from upd) r;
