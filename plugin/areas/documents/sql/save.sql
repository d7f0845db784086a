insert into document_templates (site, template, department_id, action, source, note, created_by)
values ($1, $2, $3::bigint, $4, $5::text, $6::text, $7::bigint)
returning id, created_at as "createdAt"
