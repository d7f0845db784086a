-- The archive label follows the name (R-CUS-3); :addLabel true adds the new label to the label history.
with a as (
  update archives set label = :label, box_no = :boxNo, updated_at = :now::timestamptz
   where site = :site and customer_id = :customerId::bigint
  returning id, label
)
insert into archive_labels (site, archive_id, label, set_at, set_by)
select :site, a.id, a.label, :now::timestamptz, :actorId::bigint from a where :addLabel::boolean
returning id;
