-- Running clocks due by $6 (late ones included), soonest first; $2..$4 visibility scope.
select t.id, t.number, t.kind, t.state, t.severity, t.matter, t.unit, t.customer_id as "customerId",
       t.complainant_name as "complainantName", t.complainant_phone as "complainantPhone", t.target_staff_id as "targetStaffId",
       t.first_owner_id as "firstOwnerId", t.department_id as "departmentId", t.assignee_id as "assigneeId", a.name as "assigneeName",
       c.clock, c.basis, c.due_at as "dueAt", c.due_at < $5::timestamptz as overdue
  from ticket_clocks c
  join tickets t on t.site = c.site and t.id = c.ticket_id
  left join staff a on a.site = t.site and a.id = t.assignee_id
 where c.site = $1 and c.met_at is null and c.paused_at is null and c.due_at <= $6::timestamptz
   and ($2::boolean or t.department_id = $3::bigint or t.assignee_id = $4::bigint)
   and (not $7::boolean or t.assignee_id = $4::bigint or t.department_id = $3::bigint or t.first_owner_id = $4::bigint)
 order by c.due_at, t.id, c.clock
 limit 500;
