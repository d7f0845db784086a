-- The current version of every defined form.
select distinct on (f.entity)
       f.entity, f.version, jsonb_array_length(f.fields) as "fieldCount", s.name as "createdBy", f.created_at as "createdAt"
  from form_definitions f
  left join staff s on s.site = f.site and s.id = f.created_by
 where f.site = :site
 order by f.entity, f.version desc
