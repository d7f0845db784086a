-- One incident with its counts; `for_update` locks it (closing, and every link, which waits on a close).
select i.id, i.title, i.location, i.description, i.state, i.occurred_at as "occurredAt",
       i.opened_by as "openedBy", i.opened_at as "openedAt", i.closed_by as "closedBy", i.closed_at as "closedAt",
       i.close_note as "closeNote",
       (select count(*)::int from tickets t where t.site = i.site and t.incident_id = i.id) as "ticketCount"
  from incidents i
 where i.site = :site and i.id = :id::bigint;
