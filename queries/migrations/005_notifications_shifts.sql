-- R-NOT-1 time-based events and R-DUT-1 duty handovers.

-- A time-based event (deadline near, loan overdue …) is written once per key; the key carries the due
-- instant, so a moved deadline notifies again while a repeated scan does not.
create table notification_keys (
  site text not null default 'main',
  key text not null,
  created_at timestamptz not null default now(),
  primary key (site, key)
);

-- 交接班: the outgoing staff member's snapshot at a shift change, acknowledged by the incoming one.
create table handovers (
  site text not null default 'main',
  id bigint generated always as identity,
  outgoing_id bigint not null,
  incoming_id bigint not null,
  created_at timestamptz not null default now(),
  shift_hours numeric not null,
  notes text not null default '',
  snapshot jsonb not null,
  acknowledged_at timestamptz,
  acknowledge_note text,
  primary key (site, id),
  foreign key (site, outgoing_id) references staff (site, id),
  foreign key (site, incoming_id) references staff (site, id),
  constraint handovers_not_to_self check (incoming_id <> outgoing_id)
);
create index handovers_incoming on handovers (site, incoming_id, created_at);
create index handovers_outgoing on handovers (site, outgoing_id, created_at);
create index handovers_unacknowledged on handovers (site, created_at) where acknowledged_at is null;

-- notifications.list filters by event and pages newest first.
create index outbox_listing on outbox (site, status, id);

-- R-REP-1/2: one definition of an SLA clock's outcome for every report. On time ⇔ met by its due instant;
-- late ⇔ met after it, or still open (not paused) and past due at as_of; anything else is still running.
create function sla_outcome(met_at timestamptz, due_at timestamptz, paused_at timestamptz, as_of timestamptz)
returns text language sql immutable as $$
  select case
    when met_at is not null then case when met_at <= due_at then 'on_time' else 'late' end
    when paused_at is null and due_at < as_of then 'late'
    else 'running'
  end
$$;
