-- An entity's current form, or the given version (R-FRM-2: old versions stay readable).
select version, fields, created_at as "createdAt"
  from form_definitions
 where site = :site and entity = :entity::text and (:version::int is null or version = :version::int)
 order by version desc
 limit 1
