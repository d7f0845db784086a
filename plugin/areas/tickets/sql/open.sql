-- tickets.open in one statement (issue 17): the year's number (R-TIC-2), the ticket, its clocks, the
-- 'open' event, the audit entry (R-ACT-3) and any outbox events (R-NOT-1). The counter row is locked by
-- the first CTE until commit, so concurrent intakes of a site queue on it: the one statement and the
-- commit are all that run while it is held, and a failed intake rolls the number back with everything else.
-- $2 local year and $24 YYMMDD of the intake; $25 clocks (tickets/clocks.ts), $26 event data,
-- $27 operation name, $28 and $29 the call's other audit entries and outbox events (runner journal),
-- $30 severity at intake (R-DAY-2). $18 is when the call came in (receivedAt), $23 when it was entered (R-DAY-1).
with n as (
  insert into ticket_numbers (site, year, last) values ($1, $2::int, 1)
  on conflict (site, year) do update set last = ticket_numbers.last + 1
  returning last
), t as (
  insert into tickets (site, number, year, kind, channel, unit, customer_id, complainant_name, complainant_phone, matter, content,
                       target, target_staff_id, conduct_account, conduct_witnesses, conduct_evidence, conduct_signed,
                       first_owner_id, opened_at, serious, serious_reasons, custom, form_version, created_at, updated_at, severity)
  select $1, $24::text || lpad(n.last::text, greatest(3, length(n.last::text)), '0'), $2::int, $3, $4, $5, $6::bigint, $7, $8, $9,
         $10, $11, $12::bigint, $13, $14, $15::text[], $16::boolean, $17::bigint, $18::timestamptz, $19::boolean, $20::text[],
         $21::jsonb, $22::int, $23::timestamptz, $23::timestamptz, $30
    from n
  returning *
), c as (
  insert into ticket_clocks (site, ticket_id, clock, basis, started_at, due_at, met_at, paused_at, remaining_ms, extended)
  select t.site, t.id, k->>'clock', k->>'basis', (k->>'startedAt')::timestamptz, (k->>'dueAt')::timestamptz,
         (k->>'metAt')::timestamptz, (k->>'pausedAt')::timestamptz, (k->>'remainingMs')::bigint, (k->>'extended')::boolean
    from t cross join jsonb_array_elements($25::jsonb) k
), e as (
  insert into ticket_events (site, ticket_id, operation, from_state, to_state, actor_id, note, data, at, entered_at)
  select t.site, t.id, 'open', null, 'new', nullif($17::bigint, 0), null, $26::jsonb, $18::timestamptz, $23::timestamptz from t
  returning id
), a as (
  insert into audit_log (site, at, actor_id, operation, entity, entity_id, action, before, after, occurred_at)
  select $1, $23::timestamptz, nullif($17::bigint, 0), $27, 'ticket', t.id::text, 'open', null,
         to_jsonb(t) || jsonb_build_object('clocks', $25::jsonb), $18::timestamptz
    from t
  union all
  select $1, $23::timestamptz, nullif($17::bigint, 0), $27, x->>'entity', x->>'entityId', x->>'action', x->'before', x->'after',
         (x->>'occurredAt')::timestamptz
    from jsonb_array_elements($28::jsonb) x
), o as (
  insert into outbox (site, event, payload, created_at, next_attempt_at)
  select $1, x->>'event', x->'payload', $23::timestamptz, $23::timestamptz from jsonb_array_elements($29::jsonb) x
)
select t.*, e.id as event_id, o.name as first_owner_name, d.name as department_name, s.name as assignee_name
  from t cross join e
  left join staff o on o.site = $1 and o.id = t.first_owner_id
  left join departments d on d.site = $1 and d.id = t.department_id
  left join staff s on s.site = $1 and s.id = t.assignee_id;
