insert into departments (site, code, name, kind, active)
values ($1, $2, $3, coalesce($4, 'service'), coalesce($5, true))
on conflict (site, code) do update
   set name = excluded.name,
       kind = coalesce($4, departments.kind),
       active = coalesce($5, departments.active),
       updated_at = now()
returning id, code, name, kind, active, updated_at;
