-- Ticket refs as staff quote them: ids (numbers in JSON) or ticket numbers YYMMDDNNN (strings).
select t.id, t.number, t.incident_id as "incidentId"
  from tickets t
 where t.site = :site and (t.id = any(:ids::bigint[]) or t.number = any(:numbers::text[]));
