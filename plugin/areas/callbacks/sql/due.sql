-- Open callbacks due on or before :until; :seesAll, :actorDepartmentId, :actorId the reader's scope (tickets/visibility.ts scope()).
select c.id, c.ticket_id as "ticketId", c.due_on as "dueOn", c.due_on < :today::date as overdue,
       t.number, t.kind, t.state, t.matter, t.unit, t.customer_id as "customerId", t.complainant_name as "complainantName",
       t.complainant_phone as "complainantPhone", t.target_staff_id as "targetStaffId", t.replied_at as "repliedAt",
       t.first_owner_id as "firstOwnerId", o.name as "firstOwnerName"
  from ticket_callbacks c
  join tickets t on t.site = c.site and t.id = c.ticket_id
  left join staff o on o.site = t.site and o.id = t.first_owner_id
 where c.site = :site and c.done_at is null and c.due_on <= :until::date
   and (:seesAll::boolean or t.department_id = :actorDepartmentId::bigint or t.assignee_id = :actorId::bigint)
 order by c.due_on, t.number
 limit 1000;
