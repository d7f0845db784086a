insert into departments (site, code, name, kind, active)
values (:site, :code, :name, coalesce(:kind, 'service'), coalesce(:active, true))
on conflict (site, code) do update
   set name = excluded.name,
       kind = coalesce(:kind, departments.kind),
       active = coalesce(:active, departments.active),
       updated_at = now()
returning id, code, name, kind, active, updated_at;
