-- tickets.search and tickets.myQueue. $2..$4 visibility scope; filters on identity fields skip tickets
-- whose target is the reader, so a search cannot reveal the complainant (R-TIC-8). Newest first, keyset paged.
-- $17 free text as a LIKE pattern (core/like.ts) on the expressions of the trigram indexes (migration 007).
select t.id, t.number, t.year, t.kind, t.channel, t.state, t.severity, t.category, t.serious,
       t.malicious, t.important, t.unit, t.customer_id as "customerId", t.complainant_name as "complainantName",
       t.complainant_phone as "complainantPhone", t.matter, t.target, t.target_staff_id as "targetStaffId",
       t.first_owner_id as "firstOwnerId", o.name as "firstOwnerName",
       t.department_id as "departmentId", d.name as "departmentName", t.assignee_id as "assigneeId", a.name as "assigneeName",
       t.deadline_at as "deadlineAt", t.opened_at as "openedAt", t.replied_at as "repliedAt", t.closed_at as "closedAt",
       t.version, t.custom, n.next_due as "nextDueAt", coalesce(n.next_due < $5::timestamptz, false) as overdue
  from tickets t
  -- per ticket of the page, through the clocks' key: overdue is "the next running clock is past due"
  -- (an `exists` here was hashed over every overdue clock of the site: 1.4 s at 1M tickets)
  cross join lateral (select min(c.due_at) as next_due from ticket_clocks c
                       where c.site = t.site and c.ticket_id = t.id and c.met_at is null and c.paused_at is null) n
  left join staff o on o.site = t.site and o.id = t.first_owner_id
  left join staff a on a.site = t.site and a.id = t.assignee_id
  left join departments d on d.site = t.site and d.id = t.department_id
 where t.site = $1
   and ($2::boolean or t.department_id = $3::bigint or t.assignee_id = $4::bigint)
   and ($6::text[] is null or t.state = any ($6::text[]))
   and ($7::text is null or t.kind = $7)
   and ($8::text is null or t.category = $8)
   and ($9::text is null or t.severity = $9)
   and ($10::bigint is null or t.department_id = $10)
   and ($11::bigint is null or t.assignee_id = $11)
   and ($12::text is null or (t.unit = $12 and t.target_staff_id is distinct from $4::bigint))
   and ($13::boolean is null or $13 = exists (
         select 1 from ticket_clocks c
          where c.site = t.site and c.ticket_id = t.id and c.met_at is null and c.paused_at is null and c.due_at < $5::timestamptz))
   and ($14::timestamptz is null or exists (
         select 1 from ticket_clocks c
          where c.site = t.site and c.ticket_id = t.id and c.met_at is null and c.due_at <= $14::timestamptz))
   and ($15::timestamptz is null or t.opened_at >= $15)
   and ($16::timestamptz is null or t.opened_at < $16)
   and ($17::text is null
        or ticket_search_text(t.number, t.matter, t.content, t.target) like $17
        or (t.target_staff_id is distinct from $4::bigint
            and ticket_party_text(t.complainant_name, t.complainant_phone, t.unit) like $17))
   and ($18::jsonb is null or t.custom @> $18::jsonb)
   and ($19::boolean is null or t.malicious = $19)
   and ($20::boolean is null or t.important = $20)
   and (not $21::boolean or t.assignee_id = $4::bigint or t.department_id = $3::bigint)
   and ($22::timestamptz is null or (t.opened_at, t.id) < ($22::timestamptz, $23::bigint))
 order by t.opened_at desc, t.id desc
 limit $24::int;
