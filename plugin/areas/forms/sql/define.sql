-- A new version, numbered in the same statement; two saves at once meet on form_definitions_version.
insert into form_definitions (site, entity, version, department_id, fields, note, created_by)
select $1, $2, coalesce(max(version), 0) + 1, $3::bigint, $4::jsonb, $5::text, $6::bigint
  from form_definitions
 where site = $1 and entity = $2
returning version, created_at as "createdAt"
