insert into settings (site, value) values ($1, $2::jsonb)
on conflict (site) do update set value = excluded.value, updated_at = now();
