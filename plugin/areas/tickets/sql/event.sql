-- R-DAY-1: :at when it happened (occurredAt), :enteredAt when it was entered; actor_id entered it.
insert into ticket_events (site, ticket_id, operation, from_state, to_state, actor_id, note, data, at, entered_at)
values (:site, :ticketId::bigint, :operation, :fromState, :toState, nullif(:actorId::bigint, 0), :note, :data::jsonb, :at::timestamptz, :enteredAt::timestamptz);
