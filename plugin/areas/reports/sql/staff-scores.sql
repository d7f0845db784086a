-- R-REP-2 assessment for tickets opened / callbacks done in [:from, :to), judged at :asOf: start at :start, minus :latePenalty
-- per late ticket the person owns as first contact (malicious ones aside), minus :dissatisfiedPenalty per dissatisfied
-- callback on a ticket they own; :upheldFine fine per complaint about them found upheld (R-DAY-3), and per partly
-- upheld one when :finePartlyUpheld; not-upheld and not-yet-found complaints cost nothing. :staffId limits it to one staff member.
with late as (
  select t.first_owner_id as staff_id, count(*)::int as n
    from tickets t
   where t.site = :site and t.opened_at >= :from::timestamptz and t.opened_at < :to::timestamptz and not t.malicious
     and exists (select 1 from ticket_clocks k
                  where k.site = t.site and k.ticket_id = t.id
                    and sla_outcome(k.met_at, k.due_at, k.paused_at, :asOf::timestamptz) = 'late')
   group by t.first_owner_id
), dissatisfied as (
  select t.first_owner_id as staff_id, count(*)::int as n
    from ticket_callbacks c
    join tickets t on t.site = c.site and t.id = c.ticket_id
   where c.site = :site and c.outcome = 'dissatisfied' and c.done_at >= :from::timestamptz and c.done_at < :to::timestamptz
   group by t.first_owner_id
), findings as (
  select t.target_staff_id as staff_id,
         count(*) filter (where t.finding = 'upheld')::int as upheld,
         count(*) filter (where t.finding = 'partly_upheld')::int as partly,
         count(*) filter (where t.finding = 'not_upheld')::int as not_upheld,
         count(*) filter (where t.finding is null)::int as pending
    from tickets t
   where t.site = :site and t.opened_at >= :from::timestamptz and t.opened_at < :to::timestamptz
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
       :start::numeric - :latePenalty::numeric * coalesce(l.n, 0) - :dissatisfiedPenalty::numeric * coalesce(d.n, 0) as score,
       :upheldFine::numeric * (coalesce(f.upheld, 0) + case when :finePartlyUpheld::boolean then coalesce(f.partly, 0) else 0 end) as fine
  from staff s
  left join late l on l.staff_id = s.id
  left join dissatisfied d on d.staff_id = s.id
  left join findings f on f.staff_id = s.id
 where s.site = :site and (:staffId::bigint is null or s.id = :staffId::bigint)
   and (s.active or l.n is not null or d.n is not null or f.staff_id is not null)
   and s.roles && array['agent', 'supervisor', 'manager', 'director', 'dept_head']
 order by score, s.name, s.id;
