-- R-DUT-1 what the outgoing staff member (:staffId) hands over: open tickets they own (first contact) or are
-- assigned, open tickets with a clock falling due before :shiftEnd (the end of the next shift), and archives
-- out on loan. The complainant's identity stays out; for a complaint about a staff member (R-TIC-8)
-- the unit is left out too.
with open_tickets as (
  select t.*,
         (select jsonb_build_object('clock', k.clock, 'dueAt', k.due_at)
            from ticket_clocks k
           where k.site = t.site and k.ticket_id = t.id and k.met_at is null and k.paused_at is null
           order by k.due_at limit 1) as next_due
    from tickets t
   where t.site = :site and t.state <> 'closed'
), listed as (
  select jsonb_build_object('id', t.id, 'number', t.number, 'kind', t.kind, 'severity', t.severity, 'state', t.state,
                            'matter', t.matter, 'unit', case when t.target_staff_id is null then t.unit end,
                            'firstOwnerId', t.first_owner_id, 'assigneeId', t.assignee_id,
                            'nextClock', t.next_due->>'clock', 'nextDueAt', t.next_due->'dueAt') as item,
         t.first_owner_id = :staffId::bigint or t.assignee_id = :staffId::bigint as owned,
         (t.next_due->>'dueAt')::timestamptz as due_at, t.id
    from open_tickets t
)
select coalesce((select jsonb_agg(item order by due_at nulls last, id) from listed where owned), '[]') as "ownTickets",
       coalesce((select jsonb_agg(item order by due_at, id) from listed where due_at < :shiftEnd::timestamptz), '[]') as "fallingDue",
       coalesce((select jsonb_agg(jsonb_build_object('loanId', l.id, 'archiveId', l.archive_id, 'unit', c.unit, 'label', a.label,
                                                     'borrowerId', l.borrower_id, 'borrowerName', s.name, 'dueAt', l.due_at,
                                                     'overdue', l.due_at < :now::timestamptz)
                          order by l.due_at, l.id)
                   from loans l
                   join archives a on a.site = l.site and a.id = l.archive_id
                   join customers c on c.site = a.site and c.id = a.customer_id
                   join staff s on s.site = l.site and s.id = l.borrower_id
                  where l.site = :site and l.state = 'issued'), '[]') as "loansOut";
