-- The number is stamped last (tickets/next-number) so the counter lock is held as briefly as possible.
insert into tickets (site, year, kind, channel, unit, customer_id, complainant_name, complainant_phone, matter, content,
                     target, target_staff_id, conduct_account, conduct_witnesses, conduct_evidence, conduct_signed,
                     first_owner_id, opened_at, serious, serious_reasons, custom, form_version, created_at, updated_at)
values ($1, $2::int, $3, $4, $5, $6::bigint, $7, $8, $9, $10, $11, $12::bigint, $13, $14, $15::text[], $16::boolean,
        $17::bigint, $18::timestamptz, $19::boolean, $20::text[], $21::jsonb, $22::int, $23::timestamptz, $23::timestamptz)
returning id;
