-- R-REP-2 assessment for tickets opened / callbacks done in [$2, $3), judged at $4: start at $5, minus $6
-- per late ticket the person owns as first contact (malicious ones aside), minus $7 per dissatisfied
-- callback on a ticket they own; $8 fine per complaint about them found upheld (R-DAY-3), and per partly
-- upheld one when $10; not-upheld and not-yet-found complaints cost nothing. $9 limits it to one staff member.
with late as (
  select t.first_owner_id as staff_id, count(*)::int as n
    from tickets t
   where t.site = $1 and t.opened_at >= $2::timestamptz and t.opened_at < $3::timestamptz and not t.malicious
     and exists (select 1 from ticket_clocks k
                  where k.site = t.site and k.ticket_id = t.id
                    and sla_outcome(k.met_at, k.due_at, k.paused_at, $4::timestamptz) = 'late')
   group by t.first_owner_id
), dissatisfied as (
  select t.first_owner_id as staff_id, count(*)::int as n
    from ticket_callbacks c
    join tickets t on t.site = c.site and t.id = c.ticket_id
   where c.site = $1 and c.outcome = 'dissatisfied' and c.done_at >= $2::timestamptz and c.done_at < $3::timestamptz
   group by t.first_owner_id
), findings as (
  select t.target_staff_id as staff_id,
         count(*) filter (where t.finding = 'upheld')::int as upheld,
         count(*) filter (where t.finding = 'partly_upheld')::int as partly,
         count(*) filter (where t.finding = 'not_upheld')::int as not_upheld,
         count(*) filter (where t.finding is null)::int as pending
    from tickets t
   where t.site = $1 and t.opened_at >= $2::timestamptz and t.opened_at < $3::timestamptz
     and t.kind = 'complaint' and not t.malicious and t.target_staff_id is not null
   group by t.target_staff_id
)
select s.id as "staffId", s.name,
       coalesce(l.n, 0) as "lateTickets",
       coalesce(d.n, 0) as "dissatisfiedCallbacks",
       coalesce(f.upheld, 0) as "upheldComplaints",
       coalesce(f.partly, 0) as "partlyUpheldComplaints",
       coalesce(f.not_upheld, 0) as "notUpheldComplaints",
       coalesce(f.pending, 0) as "findingsPending",
       $5::numeric - $6::numeric * coalesce(l.n, 0) - $7::numeric * coalesce(d.n, 0) as score,
       $8::numeric * (coalesce(f.upheld, 0) + case when $10::boolean then coalesce(f.partly, 0) else 0 end) as fine
  from staff s
  left join late l on l.staff_id = s.id
  left join dissatisfied d on d.staff_id = s.id
  left join findings f on f.staff_id = s.id
 where s.site = $1 and ($9::bigint is null or s.id = $9::bigint)
   and (s.active or l.n is not null or d.n is not null or f.staff_id is not null)
   and s.roles && array['agent', 'supervisor', 'manager', 'director', 'dept_head']
 order by score, s.name, s.id;
