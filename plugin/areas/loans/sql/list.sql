-- Loans with what is derived at query time (at :now): overdue (issued and past due, R-LEN-1), minutes late,
-- and for approved requests the queue position and whether it is a hold (archive out, R-LEN-8).
-- Filters are "null = not given"; keyset on (requested_at, id) newest first.
select l.id, l.archive_id as "archiveId", a.customer_id as "customerId", c.unit, a.label,
       l.borrower_id as "borrowerId", b.name as "borrowerName", l.purpose, l.place, l.state,
       l.requested_at as "requestedAt", l.approved_by as "approvedBy", l.approved_at as "approvedAt",
       l.rejected_by as "rejectedBy", l.rejected_at as "rejectedAt", l.reject_reason as "rejectReason",
       l.cancelled_by as "cancelledBy", l.cancelled_at as "cancelledAt",
       l.issued_by as "issuedBy", l.issued_at as "issuedAt", l.due_at as "dueAt", l.pages_out as "pagesOut",
       l.returned_by as "returnedBy", l.returned_at as "returnedAt", l.pages_returned as "pagesReturned",
       l.missing_pages as "missingPages", l.return_note as "returnNote", l.renewals, l.custom, l.form_version as "formVersion",
       (l.state = 'issued' and l.due_at < :now::timestamptz) as overdue,
       greatest(0, floor(extract(epoch from (case l.state when 'returned' then l.returned_at when 'issued' then :now::timestamptz end) - l.due_at) / 60))::int as "lateMinutes",
       case when l.state = 'approved' then
         (select count(*) from loans q where q.site = l.site and q.archive_id = l.archive_id and q.state = 'approved'
             and (q.approved_at, q.id) <= (l.approved_at, l.id))::int end as "queuePosition",
       (l.state = 'approved' and exists (select 1 from loans o where o.site = l.site and o.archive_id = l.archive_id and o.state = 'issued')) as hold
  from loans l
  join archives a on a.site = l.site and a.id = l.archive_id
  join customers c on c.site = a.site and c.id = a.customer_id
  join staff b on b.site = l.site and b.id = l.borrower_id
 where l.site = :site
   and (:state::text is null or l.state = :state)
   and (:overdue::boolean is null or (l.state = 'issued' and l.due_at < :now::timestamptz) = :overdue::boolean)
   and (:borrowerId::bigint is null or l.borrower_id = :borrowerId::bigint)
   and (:archiveId::bigint is null or l.archive_id = :archiveId::bigint)
   and (:requestedFrom::timestamptz is null or l.requested_at >= :requestedFrom::timestamptz)
   and (:requestedBefore::timestamptz is null or l.requested_at < :requestedBefore::timestamptz)
   and (:custom::jsonb is null or l.custom @> :custom::jsonb)
   and (:id::bigint is null or l.id = :id::bigint)
   and (:issuedFrom::timestamptz is null or l.issued_at >= :issuedFrom::timestamptz)
   and (:issuedBefore::timestamptz is null or l.issued_at < :issuedBefore::timestamptz)
   and (:afterRequestedAt::timestamptz is null or (l.requested_at, l.id) < (:afterRequestedAt::timestamptz, :afterId::bigint))
 order by l.requested_at desc, l.id desc
 limit :limit::int;
