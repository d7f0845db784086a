-- R-NOT-1 time-based events, each written once: the key names the thing and its due instant, so a
-- moved deadline notifies again while a repeated scan does not. Concurrent scans wait on each other's
-- key and then skip it.
-- $1 site, $2 now, $3 settings.sla.dueSoonHours, $4 settings.loans.reminderHoursBeforeDue,
-- $5 today's local date, $6 settings.handover.acknowledgeMinutes, $7 settings.appointments.reminderMinutes.
with open_clocks as (
  select k.ticket_id, k.clock, k.due_at,
         jsonb_build_object('ticketId', t.id, 'number', t.number, 'kind', t.kind, 'severity', t.severity,
                            'clock', k.clock, 'dueAt', k.due_at, 'firstOwnerId', t.first_owner_id,
                            'assigneeId', t.assignee_id, 'departmentId', t.department_id) as payload
    from ticket_clocks k
    join tickets t on t.site = k.site and t.id = k.ticket_id
   where k.site = $1 and k.met_at is null and k.paused_at is null and t.state <> 'closed'
     and k.due_at <= $2::timestamptz + make_interval(secs => $3::float8 * 3600)
), issued_loans as (
  select l.id, l.due_at,
         jsonb_build_object('loanId', l.id, 'archiveId', l.archive_id, 'unit', c.unit, 'borrowerId', l.borrower_id,
                            'place', l.place, 'dueAt', l.due_at) as payload
    from loans l
    join archives a on a.site = l.site and a.id = l.archive_id
    join customers c on c.site = a.site and c.id = a.customer_id
   where l.site = $1 and l.state = 'issued'
     and l.due_at <= $2::timestamptz + make_interval(secs => $4::float8 * 3600)
), scheduled_appointments as (
  select p.id, p.window_start, p.window_end,
         jsonb_build_object('appointmentId', p.id, 'ticketId', t.id, 'number', t.number, 'kind', p.kind,
                            'windowStart', p.window_start, 'windowEnd', p.window_end, 'assigneeId', p.assignee_id,
                            'bookedBy', p.booked_by, 'firstOwnerId', t.first_owner_id) as payload
    from appointments p
    join tickets t on t.site = p.site and t.id = p.ticket_id
   where p.site = $1 and p.state = 'scheduled'
     and p.window_start <= $2::timestamptz + make_interval(mins => $7::int)
), due (key, event, payload) as (
  select concat_ws(':', 'ticket.deadline_near', ticket_id, clock, extract(epoch from due_at)::bigint), 'ticket.deadline_near', payload
    from open_clocks where due_at > $2::timestamptz
  union all
  select concat_ws(':', 'ticket.deadline_missed', ticket_id, clock, extract(epoch from due_at)::bigint), 'ticket.deadline_missed', payload
    from open_clocks where due_at <= $2::timestamptz
  union all
  select concat_ws(':', 'loan.due_soon', id, extract(epoch from due_at)::bigint), 'loan.due_soon', payload
    from issued_loans where due_at > $2::timestamptz
  union all
  select concat_ws(':', 'loan.overdue', id, extract(epoch from due_at)::bigint), 'loan.overdue', payload
    from issued_loans where due_at <= $2::timestamptz
  union all
  -- A callback missed on its day is still announced once, with its due date.
  select concat_ws(':', 'callback.due', c.id, c.due_on), 'callback.due',
         jsonb_build_object('callbackId', c.id, 'ticketId', t.id, 'number', t.number, 'kind', t.kind, 'dueOn', c.due_on,
                            'firstOwnerId', t.first_owner_id)
    from ticket_callbacks c
    join tickets t on t.site = c.site and t.id = c.ticket_id
   where c.site = $1 and c.done_at is null and c.due_on <= $5::date
  union all
  select concat_ws(':', 'shift.handover_unacknowledged', h.id), 'shift.handover_unacknowledged',
         jsonb_build_object('handoverId', h.id, 'outgoingId', h.outgoing_id, 'incomingId', h.incoming_id, 'createdAt', h.created_at)
    from handovers h
   where h.site = $1 and h.acknowledged_at is null
     and h.created_at + make_interval(mins => $6::int) <= $2::timestamptz
  union all
  -- R-DAY-10: a reminder before the window opens, and a prompt once it closed with no outcome recorded.
  select concat_ws(':', 'appointment.reminder', id, extract(epoch from window_start)::bigint), 'appointment.reminder', payload
    from scheduled_appointments where window_start > $2::timestamptz
  union all
  select concat_ws(':', 'appointment.unrecorded', id, extract(epoch from window_end)::bigint), 'appointment.unrecorded', payload
    from scheduled_appointments where window_end <= $2::timestamptz
), fresh as (
  insert into notification_keys (site, key, created_at)
  select $1, key, $2::timestamptz from due
  on conflict do nothing
  returning key
), sent as (
  insert into outbox (site, event, payload, created_at, next_attempt_at)
  select $1, due.event, due.payload, $2::timestamptz, $2::timestamptz from due join fresh using (key)
  returning event
)
select event, count(*)::int as n from sent group by event;
