-- The slip in progress: not rejected, not yet accepted.
select id, to_department_id as "toDepartmentId", decision
  from ticket_transfers
 where site = :site and ticket_id = :ticketId::bigint and accepted_at is null and decision is distinct from 'rejected'
 order by id desc
 limit 1;
