-- R-NOT-1 time-based events, each written once: the key names the thing and its due instant, so a
-- moved deadline notifies again while a repeated scan does not. Concurrent scans wait on each other's
-- key and then skip it.
-- :dueSoonHours, :loanReminderHours, :handoverAckMinutes and :appointmentReminderMinutes come from the settings
-- (sla.dueSoonHours, loans.reminderHoursBeforeDue, handover.acknowledgeMinutes, appointments.reminderMinutes);
-- :today is the site's local date.
-- Each source gives (key, event, payload); a thing due both before and after an instant (a clock, a loan, an
-- appointment) picks its event by which side of now it is on.
with due (key, event, payload) as (
  select concat_ws(':', e.event, k.ticket_id, k.clock, extract(epoch from k.due_at)::bigint), e.event,
         jsonb_build_object('ticketId', t.id, 'number', t.number, 'kind', t.kind, 'severity', t.severity,
                            'clock', k.clock, 'dueAt', k.due_at, 'firstOwnerId', t.first_owner_id,
                            'assigneeId', t.assignee_id, 'departmentId', t.department_id)
    from ticket_clocks k
    join tickets t on t.site = k.site and t.id = k.ticket_id
   cross join lateral (select case when k.due_at > :now::timestamptz then 'ticket.deadline_near' else 'ticket.deadline_missed' end) e (event)
   where k.site = :site and k.met_at is null and k.paused_at is null and t.state <> 'closed'
     and k.due_at <= :now::timestamptz + make_interval(secs => :dueSoonHours::float8 * 3600)
  union all
  select concat_ws(':', e.event, l.id, extract(epoch from l.due_at)::bigint), e.event,
         jsonb_build_object('loanId', l.id, 'archiveId', l.archive_id, 'unit', c.unit, 'borrowerId', l.borrower_id,
                            'place', l.place, 'dueAt', l.due_at)
    from loans l
    join archives a on a.site = l.site and a.id = l.archive_id
    join customers c on c.site = a.site and c.id = a.customer_id
   cross join lateral (select case when l.due_at > :now::timestamptz then 'loan.due_soon' else 'loan.overdue' end) e (event)
   where l.site = :site and l.state = 'issued'
     and l.due_at <= :now::timestamptz + make_interval(secs => :loanReminderHours::float8 * 3600)
  union all
  -- A callback missed on its day is still announced once, with its due date.
  select concat_ws(':', 'callback.due', c.id, c.due_on), 'callback.due',
         jsonb_build_object('callbackId', c.id, 'ticketId', t.id, 'number', t.number, 'kind', t.kind, 'dueOn', c.due_on,
                            'firstOwnerId', t.first_owner_id)
    from ticket_callbacks c
    join tickets t on t.site = c.site and t.id = c.ticket_id
   where c.site = :site and c.done_at is null and c.due_on <= :today::date
  union all
  select concat_ws(':', 'shift.handover_unacknowledged', h.id), 'shift.handover_unacknowledged',
         jsonb_build_object('handoverId', h.id, 'outgoingId', h.outgoing_id, 'incomingId', h.incoming_id, 'createdAt', h.created_at)
    from handovers h
   where h.site = :site and h.acknowledged_at is null
     and h.created_at + make_interval(mins => :handoverAckMinutes::int) <= :now::timestamptz
  union all
  -- R-DAY-10: a reminder before the window opens, and a prompt once it closed with no outcome recorded
  -- (an open window is neither).
  select concat_ws(':', e.event, p.id, extract(epoch from e.at)::bigint), e.event,
         jsonb_build_object('appointmentId', p.id, 'ticketId', t.id, 'number', t.number, 'kind', p.kind,
                            'windowStart', p.window_start, 'windowEnd', p.window_end, 'assigneeId', p.assignee_id,
                            'bookedBy', p.booked_by, 'firstOwnerId', t.first_owner_id)
    from appointments p
    join tickets t on t.site = p.site and t.id = p.ticket_id
   cross join lateral (select case when p.window_start > :now::timestamptz then 'appointment.reminder' else 'appointment.unrecorded' end,
                              case when p.window_start > :now::timestamptz then p.window_start else p.window_end end) e (event, at)
   where p.site = :site and p.state = 'scheduled'
     and p.window_start <= :now::timestamptz + make_interval(mins => :appointmentReminderMinutes::int)
     and (p.window_start > :now::timestamptz or p.window_end <= :now::timestamptz)
), fresh as (
  insert into notification_keys (site, key, created_at)
  select :site, key, :now::timestamptz from due
  on conflict do nothing
  returning key
), sent as (
  insert into outbox (site, event, payload, created_at, next_attempt_at)
  select :site, due.event, due.payload, :now::timestamptz, :now::timestamptz from due join fresh using (key)
  returning event
)
select event, count(*)::int as n from sent group by event;
