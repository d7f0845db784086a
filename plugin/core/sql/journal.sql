-- A write's audit entries and outbox events (R-ACT-3, R-NOT-1) in one round trip; actor 0 is anonymous.
with a as (
  insert into audit_log (site, at, actor_id, operation, entity, entity_id, action, before, after, occurred_at)
  select :site, :now::timestamptz, nullif(:actorId::bigint, 0), :operation::text, e->>'entity', e->>'entityId', e->>'action', e->'before', e->'after',
         (e->>'occurredAt')::timestamptz
    from jsonb_array_elements(:audits::jsonb) e)
insert into outbox (site, event, payload, created_at, next_attempt_at)
select :site, e->>'event', e->'payload', :now::timestamptz, :now::timestamptz from jsonb_array_elements(:events::jsonb) e;
