-- R-CUS-4: the customer's tickets, or its unit's before it was matched to a customer (tickets_customer, tickets_unit_opened).
select t.id, t.number::text as number, t.kind, t.state, t.opened_at as "openedAt"
  from tickets t
 where t.site = :site and (t.customer_id = :customerId::bigint or (t.customer_id is null and t.unit = :unit))
 order by t.opened_at desc, t.id desc
 -- The customer card shows the latest; tickets.search pages through the rest.
 limit 100;
