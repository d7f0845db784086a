-- One ticket as its readers see it; :seesAll..:actorId are the visibility scope (plugin/tickets/visibility.ts).
select t.id, t.number, t.year, t.kind, t.channel, t.state, t.resume_state as "resumeState", t.severity, t.category,
       t.serious, t.serious_reasons as "seriousReasons", t.reviewed_by as "reviewedBy",
       t.malicious, t.malicious_reason as "maliciousReason", t.important,
       t.unit, t.customer_id as "customerId", t.complainant_name as "complainantName", t.complainant_phone as "complainantPhone",
       t.matter, t.content, t.target, t.target_staff_id as "targetStaffId",
       t.conduct_account as "conductAccount", t.conduct_witnesses as "conductWitnesses",
       t.conduct_evidence as "conductEvidence", t.conduct_signed as "conductSigned",
       t.first_owner_id as "firstOwnerId", o.name as "firstOwnerName",
       t.department_id as "departmentId", d.name as "departmentName", t.assignee_id as "assigneeId", a.name as "assigneeName",
       t.deadline_at as "deadlineAt", t.opened_at as "openedAt", t.acknowledged_at as "acknowledgedAt",
       t.assigned_at as "assignedAt", t.started_at as "startedAt", t.escalated_at as "escalatedAt",
       t.resolved_at as "resolvedAt", t.cause, t.action, t.result, t.signed_off_at as "signedOffAt",
       t.signed_off_by as "signedOffBy", t.replied_at as "repliedAt", t.reply_text as "replyText",
       t.closed_at as "closedAt", t.paused_at as "pausedAt", t.reopened_count as "reopenedCount", t.incident_id as "incidentId",
       t.finding, t.finding_by as "findingBy", t.finding_at as "findingAt", t.finding_note as "findingNote",
       t.version, t.custom, t.form_version as "formVersion", t.created_at as "createdAt", t.updated_at as "updatedAt"
  from tickets t
  left join staff o on o.site = t.site and o.id = t.first_owner_id
  left join staff a on a.site = t.site and a.id = t.assignee_id
  left join departments d on d.site = t.site and d.id = t.department_id
 where t.site = :site and t.id = :id::bigint
   and (:seesAll::boolean or t.department_id = :actorDepartmentId::bigint or t.assignee_id = :actorId::bigint);
