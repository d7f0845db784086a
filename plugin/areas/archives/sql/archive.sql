-- An archive with what its rules need: the customer, confidentiality and whether it is closed to new documents.
select a.id, a.customer_id as "customerId", a.label, a.status, a.bound, a.box_no as "boxNo",
       c.unit, c.confidential, c.owner_staff_id as "ownerStaffId"
  from archives a join customers c on c.site = a.site and c.id = a.customer_id
 where a.site = :site and a.id = :id::bigint;
