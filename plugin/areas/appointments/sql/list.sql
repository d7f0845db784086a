-- Appointments by window start; every filter optional ($11: one appointment). Only tickets in the reader's scope ($8..$10).
select p.id, p.ticket_id as "ticketId", t.number as "ticketNumber", p.kind, p.window_start as "windowStart", p.window_end as "windowEnd",
       p.assignee_id as "assigneeId", s.name as "assigneeName", p.contact, p.note, p.state, p.missed_by as "missedBy",
       p.outcome_note as "outcomeNote", p.recorded_by as "recordedBy", p.recorded_at as "recordedAt",
       p.booked_by as "bookedBy", p.booked_at as "bookedAt"
  from appointments p
  join tickets t on t.site = p.site and t.id = p.ticket_id
  left join staff s on s.site = p.site and s.id = p.assignee_id
 where p.site = $1
   and ($2::bigint is null or p.ticket_id = $2::bigint)
   and ($3::text is null or p.state = $3::text)
   and ($4::bigint is null or p.assignee_id = $4::bigint)
   and ($5::timestamptz is null or p.window_start >= $5::timestamptz)
   and ($6::timestamptz is null or p.window_start < $6::timestamptz)
   and ($8::boolean or t.department_id = $9::bigint or t.assignee_id = $10::bigint)
   and ($11::bigint is null or p.id = $11::bigint)
 order by p.window_start, p.id
 limit $7::int;
