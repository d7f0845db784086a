select x.id, x.from_department_id as "fromDepartmentId", fd.name as "fromDepartmentName",
       x.to_department_id as "toDepartmentId", td.name as "toDepartmentName", x.reason,
       x.requested_by as "requestedBy", x.requested_at as "requestedAt", x.decision, x.decided_by as "decidedBy",
       x.decided_at as "decidedAt", x.accepted_by as "acceptedBy", x.accepted_at as "acceptedAt"
  from ticket_transfers x
  left join departments fd on fd.site = x.site and fd.id = x.from_department_id
  left join departments td on td.site = x.site and td.id = x.to_department_id
 where x.site = :site and x.ticket_id = :ticketId::bigint
 order by x.id;
