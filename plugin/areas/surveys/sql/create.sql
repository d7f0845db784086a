-- The response-rate base is fixed when the survey opens: the customers active at that moment.
insert into surveys (site, title, period, method, form_version, population, created_by)
select $1, $2, $3, $4, $5::int, count(*)::int, $6::bigint
  from customers
 where site = $1 and status = 'active'
returning id
