-- The intake's last statement (issue 17): takes the year's number (R-TIC-2) for ticket :id written by tickets/open.sql,
-- and writes the audit entry of the numbered ticket (R-ACT-3) with the call's other audit entries (runner journal).
-- Returns the number alone: the rest of the row is what tickets/open.sql returned.
-- The upsert `last = last + 1` locks the counter row until commit: nothing but this statement and the commit runs
-- while it is held, and a failed intake rolls the number back with everything else, so the year's numbers stay
-- gap-free. :year local year and :numberDay YYMMDD of the intake; :clocks the ticket's clocks for the audit entry,
-- :operation the operation's name, :audits the call's other audit entries.
with n as (
  insert into ticket_numbers (site, year, last) values (:site, :year::int, 1)
  on conflict (site, year) do update set last = ticket_numbers.last + 1
  returning last
), t as (
  update tickets set number = :numberDay::text || lpad(n.last::text, greatest(3, length(n.last::text)), '0')
    from n
   where tickets.site = :site and tickets.id = :id::bigint
  returning tickets.*
), a as (
  insert into audit_log (site, at, actor_id, operation, entity, entity_id, action, before, after, occurred_at)
  select :site, :now::timestamptz, nullif(:actorId::bigint, 0), :operation, 'ticket', t.id::text, 'open', null,
         to_jsonb(t) || jsonb_build_object('clocks', :clocks::jsonb), :openedAt::timestamptz
    from t
  union all
  select :site, :now::timestamptz, nullif(:actorId::bigint, 0), :operation, x->>'entity', x->>'entityId', x->>'action', x->'before', x->'after',
         (x->>'occurredAt')::timestamptz
    from jsonb_array_elements(:audits::jsonb) x
)
select t.number from t;
