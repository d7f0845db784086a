select e.id, e.operation, e.from_state as "fromState", e.to_state as "toState", e.actor_id as "actorId", s.name as "actorName",
       e.note, e.data, e.at, coalesce(e.entered_at, e.at) as "enteredAt"
  from ticket_events e
  left join staff s on s.site = e.site and s.id = e.actor_id
 where e.site = :site and e.ticket_id = :ticketId::bigint
 order by e.id;
