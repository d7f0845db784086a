-- R-ARC-4: the customer leaves, the archive is bound and moved to the vacated store; the unit is free again.
with c as (
  update customers set status = 'vacated', vacated_at = $3::timestamptz, version = version + 1, updated_at = $3::timestamptz
   where site = $1 and id = $2::bigint and status = 'active'
  returning id
)
update archives a
   set status = 'vacated', bound = true, vacated_at = $3::timestamptz, box_no = coalesce($4, a.box_no), updated_at = $3::timestamptz
  from c
 where a.site = $1 and a.customer_id = c.id
returning a.id;
