-- R-LEN-8: approved requests of an archive wait in approval order; the first is offered the archive.
select id, borrower_id as "borrowerId" from loans
 where site = :site and archive_id = :archiveId::bigint and state = 'approved'
 order by approved_at, id
 limit 1;
