-- Callback statistics (回访统计) per local month from :first to :last (first days of months), zone :zone: calls made
-- in the month by outcome and satisfaction, and of the callbacks due in the month how many were done on time.
with bounds as (
  select :first::date as first, (:last::date + interval '1 month')::date as next
), cb as (
  select c.due_on, (c.done_at at time zone :zone)::date as done_on, c.outcome
    from ticket_callbacks c, bounds b
   where c.site = :site
     and ((c.due_on >= b.first and c.due_on < b.next)
          or (c.done_at >= b.first::timestamp at time zone :zone and c.done_at < b.next::timestamp at time zone :zone))
), months as (
  select to_char(d, 'YYYY-MM') as month, d::date as first, (d + interval '1 month')::date as next
    from generate_series(:first::date::timestamp, :last::date::timestamp, interval '1 month') d
), counted as (
  select m.month,
         count(*) filter (where cb.done_on >= m.first and cb.done_on < m.next) as made,
         count(*) filter (where cb.done_on >= m.first and cb.done_on < m.next and cb.outcome = 'satisfied') as satisfied,
         count(*) filter (where cb.done_on >= m.first and cb.done_on < m.next and cb.outcome = 'basically_satisfied') as basically,
         count(*) filter (where cb.done_on >= m.first and cb.done_on < m.next and cb.outcome = 'dissatisfied') as dissatisfied,
         count(*) filter (where cb.due_on >= m.first and cb.due_on < m.next) as due,
         count(*) filter (where cb.due_on >= m.first and cb.due_on < m.next and cb.done_on <= cb.due_on) as on_time,
         count(*) filter (where cb.due_on >= m.first and cb.due_on < m.next and cb.done_on > cb.due_on) as late,
         count(*) filter (where cb.due_on >= m.first and cb.due_on < m.next and cb.done_on is null) as open
    from months m
    left join cb on (cb.done_on >= m.first and cb.done_on < m.next) or (cb.due_on >= m.first and cb.due_on < m.next)
   group by m.month
)
select month, made::int, satisfied::int, basically::int as "basicallySatisfied", dissatisfied::int,
       round(100.0 * (made - dissatisfied) / nullif(made, 0), 2) as "satisfactionPercent",
       due::int, on_time::int as "doneOnTime", late::int as "doneLate", open::int
  from counted
 order by month;
