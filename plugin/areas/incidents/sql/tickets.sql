-- Linked tickets, oldest first; no complainant identity here (tickets.get masks it per reader, R-TIC-8).
select t.id, t.number, t.kind, t.state, t.severity, t.unit, t.opened_at as "openedAt",
       t.first_owner_id as "firstOwnerId", t.department_id as "departmentId", t.assignee_id as "assigneeId",
       t.signed_off_at is not null as "signedOff"
  from tickets t
 where t.site = :site and t.incident_id = :incidentId::bigint
 order by t.opened_at, t.id;
