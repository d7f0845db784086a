-- The intake's last statement (tickets/sql/number.sql, issue 17) as a PL/pgSQL function: it keeps its plan for
-- the session, as report_ticket_facts does (013), so the statement the intake sends while it takes the year's
-- counter is not planned on every call (0.5–0.8 ms at 1M tickets, inside that statement's round trip). A
-- protocol-level prepared statement would do the same but breaks behind a transaction pooler (docs/scaling.md,
-- step 2) and on PGlite served over a socket, where connections share a session.
--
-- Takes the year's number (R-TIC-2) for ticket p_id written by tickets/open.sql and writes the audit entry of
-- the numbered ticket (R-ACT-3) with the call's other audit entries (p_audits, runner journal). The upsert locks
-- the counter row until commit; a failed intake rolls the number back with everything else.
create or replace function ticket_take_number(p_site text, p_id bigint, p_year int, p_number_day text, p_clocks jsonb,
                                              p_operation text, p_audits jsonb, p_actor_id bigint, p_now timestamptz,
                                              p_opened_at timestamptz) returns text
language plpgsql as $$
declare
  v_number text;
begin
  with n as (
    insert into ticket_numbers (site, year, last) values (p_site, p_year, 1)
    on conflict (site, year) do update set last = ticket_numbers.last + 1
    returning last
  ), t as (
    update tickets set number = p_number_day || lpad(n.last::text, greatest(3, length(n.last::text)), '0')
      from n
     where tickets.site = p_site and tickets.id = p_id
    returning tickets.*
  ), a as (
    insert into audit_log (site, at, actor_id, operation, entity, entity_id, action, before, after, occurred_at)
    select p_site, p_now, p_actor_id, p_operation, 'ticket', t.id::text, 'open', null,
           to_jsonb(t) || jsonb_build_object('clocks', p_clocks), p_opened_at
      from t
    union all
    select p_site, p_now, p_actor_id, p_operation, x->>'entity', x->>'entityId', x->>'action', x->'before', x->'after',
           (x->>'occurredAt')::timestamptz
      from jsonb_array_elements(p_audits) x
  )
  select t.number into v_number from t;
  return v_number;
end $$;
