insert into settings (site, value) values (:site, :value::jsonb)
on conflict (site) do update set value = excluded.value, updated_at = now();
