-- Every override row, newest first: the current state per (template, department) and its history.
select t.id, t.template, d.code as "departmentCode", t.department_id as "departmentId", t.action, t.note,
       s.name as "createdBy", t.created_at as "createdAt"
  from document_templates t
  left join departments d on d.site = t.site and d.id = t.department_id
  left join staff s on s.site = t.site and s.id = t.created_by
 where t.site = :site and (:template::text is null or t.template = :template::text)
 order by t.template, t.department_id nulls first, t.id desc
