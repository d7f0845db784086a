-- Writes the full merged record; version guards against a change made since it was read.
update customers
   set name = :name, contacts = :contacts::jsonb, phones = :phones::text[], category = :category, grade = :grade, move_in_date = :moveInDate::date,
       confidential = :confidential::boolean, owner_staff_id = :ownerStaffId::bigint, notes = :notes, custom = :custom::jsonb,
       form_version = :formVersion::int, version = version + 1, updated_at = :now::timestamptz
 where site = :site and id = :id::bigint and version = :version::int
returning id;
