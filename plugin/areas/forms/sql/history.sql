-- Every version of one form, newest first, with who saved which department's section.
select f.version, f.fields, d.code as "departmentCode", s.name as "createdBy", f.note, f.created_at as "createdAt"
  from form_definitions f
  left join departments d on d.site = f.site and d.id = f.department_id
  left join staff s on s.site = f.site and s.id = f.created_by
 where f.site = :site and f.entity = :entity::text
 order by f.version desc
