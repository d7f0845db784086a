select p.id, p.ticket_id as "ticketId", t.number as "ticketNumber", p.kind, p.window_start as "windowStart", p.window_end as "windowEnd",
       p.assignee_id as "assigneeId", s.name as "assigneeName", p.contact, p.note, p.state, p.missed_by as "missedBy",
       p.outcome_note as "outcomeNote", p.recorded_by as "recordedBy", p.recorded_at as "recordedAt",
       p.booked_by as "bookedBy", p.booked_at as "bookedAt"
  from appointments p
  join tickets t on t.site = p.site and t.id = p.ticket_id
  left join staff s on s.site = p.site and s.id = p.assignee_id
 where p.site = $1 and p.id = $2::bigint;
