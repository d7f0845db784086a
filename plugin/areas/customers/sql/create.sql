-- A customer and its archive (一户一档) in one statement; the first label starts the label history.
with c as (
  insert into customers (site, unit, floor, name, contacts, phones, category, grade, move_in_date, confidential,
                         owner_staff_id, notes, custom, form_version, created_by, created_at, updated_at)
  values ($1, $2, $3::int, $4, $5::jsonb, $6::text[], $7, $8, $9::date, $10::boolean,
          $11::bigint, $12, $13::jsonb, $14::int, $15::bigint, $16::timestamptz, $16::timestamptz)
  returning id, name
), a as (
  insert into archives (site, customer_id, label, box_no, created_at, updated_at)
  select $1, c.id, c.name, $17, $16::timestamptz, $16::timestamptz from c
  returning id, label
), l as (
  insert into archive_labels (site, archive_id, label, set_at, set_by)
  select $1, a.id, a.label, $16::timestamptz, $15::bigint from a
)
select c.id from c;
