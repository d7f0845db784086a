-- The ticket an attachment belongs to, within the reader's scope (:seesAll, :actorDepartmentId, :actorId: tickets/visibility.ts scope()).
select t.id, t.target_staff_id as "targetStaffId"
  from tickets t
 where t.site = :site and t.id = :ticketId::bigint
   and (:seesAll::boolean or t.department_id = :actorDepartmentId::bigint or t.assignee_id = :actorId::bigint);
