-- Ticket refs as staff quote them: ids (numbers in JSON) or ticket numbers YYMMDDNNN (strings).
select t.id, t.number, t.incident_id as "incidentId"
  from tickets t
 where t.site = $1 and (t.id = any($2::bigint[]) or t.number = any($3::text[]));
