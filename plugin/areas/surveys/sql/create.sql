-- The response-rate base is fixed when the survey opens: the customers active at that moment.
insert into surveys (site, title, period, method, form_version, population, created_by)
select :site, :title::text, :period::text, :method::text, :formVersion::int, count(*)::int, :actorId::bigint
  from customers
 where site = :site and status = 'active'
returning id
