-- A new version, numbered in the same statement; two saves at once meet on form_definitions_version.
insert into form_definitions (site, entity, version, department_id, fields, note, created_by)
select :site, :entity::text, coalesce(max(version), 0) + 1, :departmentId::bigint, :fields::jsonb, :note::text, :actorId::bigint
  from form_definitions
 where site = :site and entity = :entity
returning version, created_at as "createdAt"
