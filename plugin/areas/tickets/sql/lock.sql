-- Transitions lock the row first: concurrent edits of one ticket queue here (no lost update).
select id, number, kind, state, resume_state as "resumeState", severity, serious, serious_reasons as "seriousReasons",
       first_owner_id as "firstOwnerId", department_id as "departmentId", assignee_id as "assigneeId",
       target_staff_id as "targetStaffId", deadline_at as "deadlineAt", opened_at as "openedAt",
       resolved_at as "resolvedAt", signed_off_at as "signedOffAt", replied_at as "repliedAt",
       malicious, important, reopened_count as "reopenedCount", version, finding,
       (select max(e.at) from ticket_events e where e.site = t.site and e.ticket_id = t.id) as "lastEventAt"
  from tickets t
 where t.site = :site and t.id = :id::bigint
   for update of t;
