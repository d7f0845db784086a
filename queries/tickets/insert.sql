insert into tickets (site, number, year, kind, channel, unit, customer_id, complainant_name, complainant_phone, matter, content,
                     target, target_staff_id, conduct_account, conduct_witnesses, conduct_evidence, conduct_signed,
                     first_owner_id, opened_at, serious, serious_reasons, custom, form_version, created_at, updated_at)
values ($1, $2, $3::int, $4, $5, $6, $7::bigint, $8, $9, $10, $11, $12, $13::bigint, $14, $15, $16::text[], $17::boolean,
        $18::bigint, $19::timestamptz, $20::boolean, $21::text[], $22::jsonb, $23::int, $24::timestamptz, $24::timestamptz)
returning id;
