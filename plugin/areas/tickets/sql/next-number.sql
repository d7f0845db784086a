-- R-TIC-2: takes the next running count of the ticket's year and stamps the ticket with it, in one
-- round trip. The counter row stays locked until commit, so concurrent intakes queue on it and a
-- rollback frees the number again. The count has at least three digits and grows past 999.
-- $2 ticket id (its `year` keys the count), $3 YYMMDD of the local intake date.
with n as (
  insert into ticket_numbers (site, year, last)
  select site, year, 1 from tickets where site = $1 and id = $2::bigint
  on conflict (site, year) do update set last = ticket_numbers.last + 1
  returning last
)
update tickets t
   set number = $3::text || lpad(n.last::text, greatest(3, length(n.last::text)), '0')
  from n
 where t.site = $1 and t.id = $2::bigint
returning t.number;
