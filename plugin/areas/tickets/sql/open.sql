-- tickets.open in one statement (issue 17): the year's number (R-TIC-2), the ticket, its clocks, the
-- 'open' event, the audit entry (R-ACT-3) and any outbox events (R-NOT-1). The counter row is locked by
-- the first CTE until commit, so concurrent intakes of a site queue on it: the one statement and the
-- commit are all that run while it is held, and a failed intake rolls the number back with everything else.
-- :year local year and :numberDay YYMMDD of the intake; :clocks (tickets/clocks.ts), :eventData the event's data,
-- :operation the operation's name, :audits and :events the call's other audit entries and outbox events (runner journal),
-- :severity the severity at intake (R-DAY-2). :openedAt is when the call came in (receivedAt), :now when it was entered (R-DAY-1).
with n as (
  insert into ticket_numbers (site, year, last) values (:site, :year::int, 1)
  on conflict (site, year) do update set last = ticket_numbers.last + 1
  returning last
), t as (
  insert into tickets (site, number, year, kind, channel, unit, customer_id, complainant_name, complainant_phone, matter, content,
                       target, target_staff_id, conduct_account, conduct_witnesses, conduct_evidence, conduct_signed,
                       first_owner_id, opened_at, serious, serious_reasons, custom, form_version, created_at, updated_at, severity)
  select :site, :numberDay::text || lpad(n.last::text, greatest(3, length(n.last::text)), '0'), :year::int, :kind, :channel, :unit, :customerId::bigint, :complainantName, :complainantPhone, :matter,
         :content, :target, :targetStaffId::bigint, :conductAccount, :conductWitnesses, :conductEvidence::text[], :conductSigned::boolean, :actorId::bigint, :openedAt::timestamptz, :serious::boolean, :seriousReasons::text[],
         :custom::jsonb, :formVersion::int, :now::timestamptz, :now::timestamptz, :severity
    from n
  returning *
), c as (
  insert into ticket_clocks (site, ticket_id, clock, basis, started_at, due_at, met_at, paused_at, remaining_ms, extended)
  select t.site, t.id, k->>'clock', k->>'basis', (k->>'startedAt')::timestamptz, (k->>'dueAt')::timestamptz,
         (k->>'metAt')::timestamptz, (k->>'pausedAt')::timestamptz, (k->>'remainingMs')::bigint, (k->>'extended')::boolean
    from t cross join jsonb_array_elements(:clocks::jsonb) k
), e as (
  insert into ticket_events (site, ticket_id, operation, from_state, to_state, actor_id, note, data, at, entered_at)
  select t.site, t.id, 'open', null, 'new', nullif(:actorId::bigint, 0), null, :eventData::jsonb, :openedAt::timestamptz, :now::timestamptz from t
  returning id
), a as (
  insert into audit_log (site, at, actor_id, operation, entity, entity_id, action, before, after, occurred_at)
  select :site, :now::timestamptz, nullif(:actorId::bigint, 0), :operation, 'ticket', t.id::text, 'open', null,
         to_jsonb(t) || jsonb_build_object('clocks', :clocks::jsonb), :openedAt::timestamptz
    from t
  union all
  select :site, :now::timestamptz, nullif(:actorId::bigint, 0), :operation, x->>'entity', x->>'entityId', x->>'action', x->'before', x->'after',
         (x->>'occurredAt')::timestamptz
    from jsonb_array_elements(:audits::jsonb) x
), o as (
  insert into outbox (site, event, payload, created_at, next_attempt_at)
  select :site, x->>'event', x->'payload', :now::timestamptz, :now::timestamptz from jsonb_array_elements(:events::jsonb) x
)
select t.*, e.id as event_id, o.name as first_owner_name, d.name as department_name, s.name as assignee_name
  from t cross join e
  left join staff o on o.site = :site and o.id = t.first_owner_id
  left join departments d on d.site = :site and d.id = t.department_id
  left join staff s on s.site = :site and s.id = t.assignee_id;
