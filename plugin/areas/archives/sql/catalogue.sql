-- R-ARC-5: archives vacated in [:from, :before), by floor then box number.
select a.id as "archiveId", a.box_no as "boxNo", a.label, c.id as "customerId", c.unit, c.floor,
       a.vacated_at as "vacatedAt",
       (select count(*)::int from archive_documents d where d.site = a.site and d.archive_id = a.id and d.superseded_by is null) as documents,
       (select coalesce(sum(d.pages), 0)::int from archive_documents d where d.site = a.site and d.archive_id = a.id and d.superseded_by is null) as pages
  from archives a join customers c on c.site = a.site and c.id = a.customer_id
 where a.site = :site and a.status = 'vacated' and a.vacated_at >= :from::timestamptz and a.vacated_at < :before::timestamptz
 order by c.floor, a.box_no nulls last, c.unit, a.id;
