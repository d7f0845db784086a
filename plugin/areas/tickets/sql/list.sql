-- tickets.search and tickets.myQueue. :seesAll..:actorId visibility scope; filters on identity fields skip tickets
-- whose target is the reader, so a search cannot reveal the complainant (R-TIC-8). Newest first, keyset paged.
-- :q free text as a LIKE pattern (core/like.ts) on the expressions of the trigram indexes (migration 007).
-- :number a whole ticket number (R-DAY-4): one probe of tickets_number_unique instead of a trigram search.
-- :floorAt, :floorId (free text no trigram narrows, sql/search-floor.sql): the walk stops at that ticket.
select t.id, t.number, t.year, t.kind, t.channel, t.state, t.severity, t.category, t.serious,
       t.malicious, t.important,
       -- R-TIC-8 (as visibility.ts's maskIdentity for one ticket): the staff member a complaint is about reads it without
       -- who made it; masked here, so the page's rows leave as they are read.
       case when t.target_staff_id = :actorId::bigint then null else t.unit end as unit,
       case when t.target_staff_id = :actorId::bigint then null else t.customer_id end as "customerId",
       case when t.target_staff_id = :actorId::bigint then null else t.complainant_name end as "complainantName",
       case when t.target_staff_id = :actorId::bigint then null else t.complainant_phone end as "complainantPhone",
       coalesce(t.target_staff_id = :actorId::bigint, false) as "identityMasked",
       t.matter, t.target, t.target_staff_id as "targetStaffId",
       t.first_owner_id as "firstOwnerId", o.name as "firstOwnerName",
       t.department_id as "departmentId", d.name as "departmentName", t.assignee_id as "assigneeId", a.name as "assigneeName",
       t.deadline_at as "deadlineAt", t.opened_at as "openedAt", t.replied_at as "repliedAt", t.closed_at as "closedAt",
       t.version, t.custom, n.next_due as "nextDueAt", coalesce(n.next_due < :now::timestamptz, false) as overdue
  -- The page is chosen from tickets alone, in the order of the index its filters use, then joined: with the joins in
  -- the same query, a unit estimated at 17 tickets (10M) was read whole and sorted, 812 tickets for a page of 51.
  from (select t.* from tickets t
        where t.site = :site
          -- :ids the page already chosen (tickets.myQueue: sql/queue-ids.sql)
          and (:ids::bigint[] is null or t.id = any (:ids::bigint[]))
          and (:seesAll::boolean or t.department_id = :actorDepartmentId::bigint or t.assignee_id = :actorId::bigint)
          -- one state as an equality, so tickets_state_opened (migration 019) gives the page in order; `= any` of a list does not
          and (:state::text is null or t.state = :state)
          and (:states::text[] is null or t.state = any (:states::text[]))
          and (:kind::text is null or t.kind = :kind)
          and (:category::text is null or t.category = :category)
          and (:severity::text is null or t.severity = :severity)
          and (:departmentId::bigint is null or t.department_id = :departmentId)
          and (:assigneeId::bigint is null or t.assignee_id = :assigneeId)
          and (:unit::text is null or (t.unit = :unit and t.target_staff_id is distinct from :actorId::bigint))
          and (:overdue::boolean is null or :overdue = exists (
                select 1 from ticket_clocks c
                 where c.site = t.site and c.ticket_id = t.id and c.met_at is null and c.paused_at is null and c.due_at < :now::timestamptz))
          and (:dueBefore::timestamptz is null or exists (
                select 1 from ticket_clocks c
                 where c.site = t.site and c.ticket_id = t.id and c.met_at is null and c.due_at <= :dueBefore::timestamptz))
          and (:from::timestamptz is null or t.opened_at >= :from)
          and (:to::timestamptz is null or t.opened_at < :to)
          and (:number::text is null or t.number = :number)
          and (:q::text is null
               or ticket_search_text(t.number, t.matter, t.content, t.target) like :q
               or (t.target_staff_id is distinct from :actorId::bigint
                   and ticket_party_text(t.complainant_name, t.complainant_phone, t.unit) like :q))
          and (:custom::jsonb is null or t.custom @> :custom::jsonb)
          and (:malicious::boolean is null or t.malicious = :malicious)
          and (:important::boolean is null or t.important = :important)
          and (not :mine::boolean or t.assignee_id = :actorId::bigint or t.department_id = :actorDepartmentId::bigint)
          and (:afterAt::timestamptz is null or (t.opened_at, t.id) < (:afterAt::timestamptz, :afterId::bigint))
          -- the column alone as well: a row comparison's reach is not estimated, and the planner then read the site
          and (:floorAt::timestamptz is null or t.opened_at >= :floorAt::timestamptz)
          and (:floorAt::timestamptz is null or (t.opened_at, t.id) >= (:floorAt::timestamptz, :floorId::bigint))
        order by t.opened_at desc, t.id desc
        limit :limit::int) t
  -- per ticket of the page, through the clocks' key: overdue is "the next running clock is past due"
  -- (an `exists` here was hashed over every overdue clock of the site: 1.4 s at 1M tickets)
  cross join lateral (select min(c.due_at) as next_due from ticket_clocks c
                       where c.site = t.site and c.ticket_id = t.id and c.met_at is null and c.paused_at is null) n
  left join staff o on o.site = t.site and o.id = t.first_owner_id
  left join staff a on a.site = t.site and a.id = t.assignee_id
  left join departments d on d.site = t.site and d.id = t.department_id
 order by t.opened_at desc, t.id desc;
