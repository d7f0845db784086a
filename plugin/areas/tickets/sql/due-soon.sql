-- Running clocks due by :until (late ones included), soonest first; :seesAll..:actorId visibility scope.
-- Ordered as ticket_clocks_due (migration 016) is, so the page is read in the index's order, never sorted.
select t.id, t.number, t.kind, t.state, t.severity, t.matter,
       -- R-TIC-8 (as visibility.ts's maskIdentity for one ticket): the staff member a complaint is about reads it without
       -- who made it; masked here, so the page's rows leave as they are read.
       case when t.target_staff_id = :actorId::bigint then null else t.unit end as unit,
       case when t.target_staff_id = :actorId::bigint then null else t.customer_id end as "customerId",
       case when t.target_staff_id = :actorId::bigint then null else t.complainant_name end as "complainantName",
       case when t.target_staff_id = :actorId::bigint then null else t.complainant_phone end as "complainantPhone",
       coalesce(t.target_staff_id = :actorId::bigint, false) as "identityMasked",
       t.target_staff_id as "targetStaffId",
       t.first_owner_id as "firstOwnerId", t.department_id as "departmentId", t.assignee_id as "assigneeId", a.name as "assigneeName",
       c.clock, c.basis, c.due_at as "dueAt", c.due_at < :now::timestamptz as overdue
  from ticket_clocks c
  -- Each clock's ticket by its key, in the clocks' order, until the page is full: a join the planner may turn
  -- into a hash of the site's tickets, which it did at 10k with ~800 clocks due (8 ms against 1 ms).
  cross join lateral (
    select t.* from tickets t
     where t.site = c.site and t.id = c.ticket_id
       and (:seesAll::boolean or t.department_id = :actorDepartmentId::bigint or t.assignee_id = :actorId::bigint)
       and (not :mine::boolean or t.assignee_id = :actorId::bigint or t.department_id = :actorDepartmentId::bigint or t.first_owner_id = :actorId::bigint)
     limit 1) t
  left join staff a on a.site = t.site and a.id = t.assignee_id
 where c.site = :site and c.met_at is null and c.paused_at is null and c.due_at <= :until::timestamptz
 order by c.due_at, c.ticket_id, c.clock
 limit 500;
