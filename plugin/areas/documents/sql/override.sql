-- The override in force for a template: the department's own, else the site-wide one. The latest row
-- per department decides; a 'reset' row means "no override" there (R-DOC-1).
select id, source, department_id as "departmentId"
  from (select distinct on (department_id) id, department_id, action, source
          from document_templates
         where site = :site and template = :template::text and (department_id = :departmentId::bigint or department_id is null)
         order by department_id, id desc) latest
 where action = 'set'
 order by department_id nulls last
 limit 1
