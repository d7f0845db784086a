insert into document_templates (site, template, department_id, action, source, note, created_by)
values (:site, :template::text, :departmentId::bigint, :action::text, :source::text, :note::text, :actorId::bigint)
returning id, created_at as "createdAt"
