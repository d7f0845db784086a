insert into departments (site, code, name, kind, active)
values (:site, :code::text, :name::text, coalesce(:kind::text, 'service'), coalesce(:active::boolean, true))
on conflict (site, code) do update
   set name = excluded.name,
       kind = coalesce(:kind, departments.kind),
       active = coalesce(:active, departments.active),
       updated_at = now()
returning id, code, name, kind, active, updated_at;
