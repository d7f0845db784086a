insert into document_templates (site, template, department_id, action, source, note, created_by)
values (:site, :template, :departmentId::bigint, :action, :source::text, :note::text, :actorId::bigint)
returning id, created_at as "createdAt"
