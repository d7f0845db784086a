-- Loans with what is derived at query time ($2 = now): overdue (issued and past due, R-LEN-1), minutes late,
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
       (l.state = 'issued' and l.due_at < $2::timestamptz) as overdue,
       greatest(0, floor(extract(epoch from (case l.state when 'returned' then l.returned_at when 'issued' then $2::timestamptz end) - l.due_at) / 60))::int as "lateMinutes",
       case when l.state = 'approved' then
         (select count(*) from loans q where q.site = l.site and q.archive_id = l.archive_id and q.state = 'approved'
             and (q.approved_at, q.id) <= (l.approved_at, l.id))::int end as "queuePosition",
       (l.state = 'approved' and exists (select 1 from loans o where o.site = l.site and o.archive_id = l.archive_id and o.state = 'issued')) as hold
  from loans l
  join archives a on a.site = l.site and a.id = l.archive_id
  join customers c on c.site = a.site and c.id = a.customer_id
  join staff b on b.site = l.site and b.id = l.borrower_id
 where l.site = $1
   and ($3::text is null or l.state = $3)
   and ($4::boolean is null or (l.state = 'issued' and l.due_at < $2::timestamptz) = $4::boolean)
   and ($5::bigint is null or l.borrower_id = $5::bigint)
   and ($6::bigint is null or l.archive_id = $6::bigint)
   and ($7::timestamptz is null or l.requested_at >= $7::timestamptz)
   and ($8::timestamptz is null or l.requested_at < $8::timestamptz)
   and ($9::jsonb is null or l.custom @> $9::jsonb)
   and ($10::bigint is null or l.id = $10::bigint)
   and ($11::timestamptz is null or l.issued_at >= $11::timestamptz)
   and ($12::timestamptz is null or l.issued_at < $12::timestamptz)
   and ($13::timestamptz is null or (l.requested_at, l.id) < ($13::timestamptz, $14::bigint))
 order by l.requested_at desc, l.id desc
 limit $15::int;
