-- Writes the full merged record; version guards against a change made since it was read.
update customers
   set name = $3, contacts = $4::jsonb, phones = $5::text[], category = $6, grade = $7, move_in_date = $8::date,
       confidential = $9::boolean, owner_staff_id = $10::bigint, notes = $11, custom = $12::jsonb,
       form_version = $13::int, version = version + 1, updated_at = $14::timestamptz
 where site = $1 and id = $2::bigint and version = $15::int
returning id;
