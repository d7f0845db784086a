insert into ticket_transfers (site, ticket_id, from_department_id, to_department_id, reason, requested_by, requested_at)
values (:site, :ticketId::bigint, :fromDepartmentId::bigint, :toDepartmentId::bigint, :reason, :actorId::bigint, :at::timestamptz)
returning id;
