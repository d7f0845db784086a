-- R-ARC-4: the customer leaves, the archive is bound and moved to the vacated store; the unit is free again.
with c as (
  update customers set status = 'vacated', vacated_at = :now::timestamptz, version = version + 1, updated_at = :now::timestamptz
   where site = :site and id = :id::bigint and status = 'active'
  returning id
)
update archives a
   set status = 'vacated', bound = true, vacated_at = :now::timestamptz, box_no = coalesce(:boxNo, a.box_no), updated_at = :now::timestamptz
  from c
 where a.site = :site and a.customer_id = c.id
returning a.id;
