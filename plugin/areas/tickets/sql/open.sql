-- tickets.open's writes but the number (issue 17): the ticket, its clocks, the 'open' event and any outbox events
-- (R-NOT-1); returns the ticket's row (tickets/number.sql changes only its number). The number stays null until
-- tickets/number.sql, the intake's last statement, takes the year's counter: the counter row is locked from there
-- until commit, so concurrent intakes of a site queue only on that.
-- :clocks (tickets/clocks.ts), :eventData the event's data, :events the call's outbox events (runner journal),
-- :severity the severity at intake (R-DAY-2), :incidentId the incident the call reports (R-DAY-7, checked before).
-- :openedAt is when the call came in (receivedAt), :now when it was entered (R-DAY-1).
-- A complaint with a unit first locks that unit until commit: its report tally (next statement, a new snapshot)
-- then sees every complaint of the unit an earlier intake committed, and the repeat facts (a complaint's previous
-- one of its unit, R-REP-1) come out as if the unit's intakes ran one after another. Other units never wait.
with u as (
  select pg_advisory_xact_lock(hashtext('customerdesk.unit.' || current_schema() || '.' || :site || '.' || :unit::text))
   where :kind = 'complaint' and :unit::text is not null
), t as (
  insert into tickets (site, number, year, kind, channel, unit, customer_id, complainant_name, complainant_phone, matter, content,
                       target, target_staff_id, conduct_account, conduct_witnesses, conduct_evidence, conduct_signed,
                       first_owner_id, opened_at, serious, serious_reasons, custom, form_version, created_at, updated_at, severity, incident_id)
  select :site, null, :year::int, :kind, :channel, :unit, :customerId::bigint, :complainantName, :complainantPhone, :matter,
         :content, :target, :targetStaffId::bigint, :conductAccount, :conductWitnesses, :conductEvidence::text[], :conductSigned::boolean, :actorId::bigint, :openedAt::timestamptz, :serious::boolean, :seriousReasons::text[],
         :custom::jsonb, :formVersion::int, :now::timestamptz, :now::timestamptz, :severity, :incidentId::bigint
   where (select count(*) from u) >= 0 -- always true: a CTE nothing reads is never run, so the lock comes first this way
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
), o as (
  insert into outbox (site, event, payload, created_at, next_attempt_at)
  select :site, x->>'event', x->'payload', :now::timestamptz, :now::timestamptz from jsonb_array_elements(:events::jsonb) x
)
select t.*, e.id as event_id from t cross join e;
