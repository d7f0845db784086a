-- Open callbacks due on or before $5; $2..$4 visibility scope.
select c.id, c.ticket_id as "ticketId", c.due_on as "dueOn", c.due_on < $6::date as overdue,
       t.number, t.kind, t.state, t.matter, t.unit, t.customer_id as "customerId", t.complainant_name as "complainantName",
       t.complainant_phone as "complainantPhone", t.target_staff_id as "targetStaffId", t.replied_at as "repliedAt",
       t.first_owner_id as "firstOwnerId", o.name as "firstOwnerName"
  from ticket_callbacks c
  join tickets t on t.site = c.site and t.id = c.ticket_id
  left join staff o on o.site = t.site and o.id = t.first_owner_id
 where c.site = $1 and c.done_at is null and c.due_on <= $5::date
   and ($2::boolean or t.department_id = $3::bigint or t.assignee_id = $4::bigint)
 order by c.due_on, t.number
 limit 1000;
