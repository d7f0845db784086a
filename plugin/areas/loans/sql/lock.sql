-- The loan row, locked: every transition reads its state here and writes it in the same transaction.
select l.id, l.archive_id as "archiveId", l.borrower_id as "borrowerId", l.state, l.place, l.due_at as "dueAt",
       l.renewals, l.pages_out as "pagesOut", coalesce(l.last_event_at, greatest(l.requested_at, l.approved_at, l.rejected_at, l.cancelled_at, l.issued_at, l.returned_at)) as "lastEventAt", c.unit
  from loans l
  join archives a on a.site = l.site and a.id = l.archive_id
  join customers c on c.site = a.site and c.id = a.customer_id
 where l.site = :site and l.id = :id::bigint
   for update of l;
