-- The archive label follows the name (R-CUS-3); $7 true adds the new label to the label history.
with a as (
  update archives set label = $3, box_no = $4, updated_at = $5::timestamptz
   where site = $1 and customer_id = $2::bigint
  returning id, label
)
insert into archive_labels (site, archive_id, label, set_at, set_by)
select $1, a.id, a.label, $5::timestamptz, $6::bigint from a where $7::boolean
returning id;
