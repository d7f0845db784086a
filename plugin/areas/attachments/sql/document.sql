-- The document an attachment belongs to, with its customer's confidentiality (R-CUS-5).
select d.id, d.superseded_by as "supersededBy", c.confidential, c.owner_staff_id as "ownerStaffId"
  from archive_documents d
  join archives a on a.site = d.site and a.id = d.archive_id
  join customers c on c.site = a.site and c.id = a.customer_id
 where d.site = :site and d.id = :documentId::bigint;
