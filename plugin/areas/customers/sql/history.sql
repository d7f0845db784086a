-- R-CUS-4 / R-LEN-6: everything that happened to a customer and its archive, newest first.
select * from (
  select c.created_at as at, 'customer' as type, c.id as "refId", 'created' as action, c.name as title, null::text as state, c.created_by as "staffId"
    from customers c where c.site = :site and c.id = :customerId::bigint
  union all
  select c.vacated_at, 'customer', c.id, 'vacated', c.name, c.status, null
    from customers c where c.site = :site and c.id = :customerId::bigint and c.vacated_at is not null
  union all
  select l.set_at, 'label', l.id, 'labelled', l.label, null, l.set_by
    from archive_labels l join archives a on a.site = l.site and a.id = l.archive_id
   where l.site = :site and a.customer_id = :customerId::bigint
  union all
  select d.created_at, 'document', d.id, case when d.supersedes_id is null then 'added' else 'revised' end, d.title, d.kind, d.created_by
    from archive_documents d join archives a on a.site = d.site and a.id = d.archive_id
   where d.site = :site and a.customer_id = :customerId::bigint
  union all
  select coalesce(l.returned_at, l.issued_at, l.cancelled_at, l.rejected_at, l.approved_at, l.requested_at), 'loan', l.id, 'loan', l.purpose, l.state, l.borrower_id
    from loans l join archives a on a.site = l.site and a.id = l.archive_id
   where l.site = :site and a.customer_id = :customerId::bigint
  union all
  select coalesce(e.decided_at, e.requested_at), 'edit', e.id, 'edit of ' || e.entity, e.reason, e.state, e.requested_by
    from edit_requests e where e.site = :site and e.customer_id = :customerId::bigint
) h
order by at desc, type, "refId" desc;
