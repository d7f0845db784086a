-- A customer and its archive (一户一档) in one statement; the first label starts the label history.
with c as (
  insert into customers (site, unit, floor, name, contacts, phones, category, grade, move_in_date, confidential,
                         owner_staff_id, notes, custom, form_version, created_by, created_at, updated_at)
  values (:site, :unit, :floor::int, :name, :contacts::jsonb, :phones::text[], :category, :grade, :moveInDate::date, :confidential::boolean,
          :ownerStaffId::bigint, :notes, :custom::jsonb, :formVersion::int, :actorId::bigint, :now::timestamptz, :now::timestamptz)
  returning id, name
), a as (
  insert into archives (site, customer_id, label, box_no, created_at, updated_at)
  select :site, c.id, c.name, :boxNo, :now::timestamptz, :now::timestamptz from c
  returning id, label
), l as (
  insert into archive_labels (site, archive_id, label, set_at, set_by)
  select :site, a.id, a.label, :now::timestamptz, :actorId::bigint from a
)
select c.id from c;
