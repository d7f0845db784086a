-- :clocks: JSON array of whole clocks computed in plugin/tickets/clocks.ts; a restarted clock is overwritten.
insert into ticket_clocks (site, ticket_id, clock, basis, started_at, due_at, met_at, paused_at, remaining_ms, extended)
select :site, :ticketId::bigint, c->>'clock', c->>'basis', (c->>'startedAt')::timestamptz, (c->>'dueAt')::timestamptz,
       (c->>'metAt')::timestamptz, (c->>'pausedAt')::timestamptz, (c->>'remainingMs')::bigint, (c->>'extended')::boolean
  from jsonb_array_elements(:clocks::jsonb) c
on conflict (site, ticket_id, clock) do update
   set basis = excluded.basis, started_at = excluded.started_at, due_at = excluded.due_at, met_at = excluded.met_at,
       paused_at = excluded.paused_at, remaining_ms = excluded.remaining_ms, extended = excluded.extended;
