insert into calendar_days (site, day, kind, name)
select :site, (d->>'date')::date, d->>'kind', d->>'name' from jsonb_array_elements(:days::jsonb) d
on conflict (site, day) do update set kind = excluded.kind, name = excluded.name, updated_at = now()
returning day::text as date, kind, name;
