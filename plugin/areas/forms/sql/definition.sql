-- An entity's current form, or the given version (R-FRM-2: old versions stay readable).
select version, fields, created_at as "createdAt"
  from form_definitions
 where site = $1 and entity = $2 and ($3::int is null or version = $3::int)
 order by version desc
 limit 1
