-- The ticket an appointment is for, within the reader's scope ($3..$5, tickets/visibility.ts).
select t.id, t.number, t.state, t.target_staff_id as "targetStaffId"
  from tickets t
 where t.site = $1 and t.id = $2::bigint
   and ($3::boolean or t.department_id = $4::bigint or t.assignee_id = $5::bigint);
