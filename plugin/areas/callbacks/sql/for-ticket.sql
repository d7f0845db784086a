select c.id, c.due_on as "dueOn", c.scheduled_at as "scheduledAt", c.done_at as "doneAt", coalesce(c.entered_at, c.done_at) as "enteredAt", c.outcome, c.comment,
       c.staff_id as "staffId", s.name as "staffName"
  from ticket_callbacks c
  left join staff s on s.site = c.site and s.id = c.staff_id
 where c.site = :site and c.ticket_id = :ticketId::bigint
 order by c.id;
