-- R-CUS-4: callbacks (回访) on the customer's tickets, matched to the customer like customers/tickets.sql.
select coalesce(cb.done_at, cb.scheduled_at) as at, 'callback' as type, cb.id as "refId",
       case when cb.done_at is null then 'due ' || cb.due_on::text else 'done' end as action,
       t.number::text as title, cb.outcome as state, cb.staff_id as "staffId"
  from ticket_callbacks cb
  join tickets t on t.site = cb.site and t.id = cb.ticket_id
 where cb.site = :site and (t.customer_id = :customerId::bigint or (t.customer_id is null and t.unit = :unit));
