-- Appointments by window start; every filter optional (:id: one appointment). Only tickets in the reader's scope (:seesAll, :actorDepartmentId, :actorId: tickets/visibility.ts scope()).
select p.id, p.ticket_id as "ticketId", t.number as "ticketNumber", p.kind, p.window_start as "windowStart", p.window_end as "windowEnd",
       p.assignee_id as "assigneeId", s.name as "assigneeName", p.contact, p.note, p.state, p.missed_by as "missedBy",
       p.outcome_note as "outcomeNote", p.recorded_by as "recordedBy", p.recorded_at as "recordedAt",
       p.booked_by as "bookedBy", p.booked_at as "bookedAt"
  from appointments p
  join tickets t on t.site = p.site and t.id = p.ticket_id
  left join staff s on s.site = p.site and s.id = p.assignee_id
 where p.site = :site
   and (:ticketId::bigint is null or p.ticket_id = :ticketId::bigint)
   and (:state::text is null or p.state = :state::text)
   and (:assigneeId::bigint is null or p.assignee_id = :assigneeId::bigint)
   and (:from::timestamptz is null or p.window_start >= :from::timestamptz)
   and (:to::timestamptz is null or p.window_start < :to::timestamptz)
   and (:seesAll::boolean or t.department_id = :actorDepartmentId::bigint or t.assignee_id = :actorId::bigint)
   and (:id::bigint is null or p.id = :id::bigint)
 order by p.window_start, p.id
 limit :limit::int;
