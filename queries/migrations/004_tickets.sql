-- Service tickets: complaints, repairs, help, inquiries, suggestions (SPEC §3, R-TIC-1..12).
-- Nothing here is ever deleted (R-TIC-11): state columns and timestamps instead. All instants are
-- timestamptz; "local" dates are in the data source's zone. customer_id is not a foreign key on
-- purpose: customers live in another area's migration and a ticket may come from a non-customer.

-- R-TIC-2: one counter row per (site, year); the upsert `last = last + 1` holds the row lock until
-- commit, so concurrent intakes serialise and a rolled-back intake frees its number.
create table ticket_numbers (
  site text not null default 'main',
  year int not null,                          -- calendar year of intake, local time
  last int not null default 0,                -- highest running count handed out in that year
  primary key (site, year)
);

create table tickets (
  site text not null default 'main',
  id bigint generated always as identity,
  number text,                                -- YYMMDDNNN: local intake date + running count in the year (R-TIC-2);
                                              -- null only inside the intake transaction, which stamps it last
  year int not null,                          -- local year of intake; the numbering and yearly archive key (R-TIC-11)
  kind text not null check (kind in ('complaint', 'repair', 'help', 'inquiry', 'suggestion')),
  channel text not null check (channel in ('phone', 'visit', 'letter', 'email', 'online', 'suggestion_box', 'referral')),
  state text not null default 'new' check (state in ('new', 'acknowledged', 'assigned', 'in_progress', 'escalated',
    'transfer_pending', 'waiting_customer', 'resolved', 'replied', 'callback_pending', 'closed', 'reopened')),
  resume_state text,                          -- state to return to when leaving waiting_customer / a rejected transfer
  severity text check (severity in ('critical', 'urgent', 'normal')),  -- 特急/紧急/一般; null until classified
  category text,                              -- key from settings.tickets.categories; null until classified
  serious boolean not null default false,     -- R-TIC-7: needs manager review (critical, repeated unit, conduct)
  serious_reasons text[] not null default '{}', -- which of 'critical', 'repeat', 'conduct' made it serious
  reviewed_by bigint,                         -- manager/director who named person and deadline of a serious ticket
  malicious boolean not null default false,   -- R-TIC-4: recorded and flagged, never deleted; reports list separately
  malicious_reason text,
  important boolean not null default false,   -- R-TIC-11: kept permanently
  unit text,                                  -- unit no. (房号) of the complainant, e.g. 12F-1203
  customer_id bigint,                         -- customers.id when the caller is a registered customer
  complainant_name text,                      -- R-TIC-3 identity: masked for the staff member complained about (R-TIC-8)
  complainant_phone text,
  matter text not null,                       -- 事由: one-line subject
  content text not null default '',           -- 内容: full account as received
  target text,                                -- person/department complained about, as told by the caller
  target_staff_id bigint,                     -- staff member complained about: cannot be assigned, never sees identity
  conduct_account text,                       -- R-TIC-8 事件经过
  conduct_witnesses text,                     -- 证明人
  conduct_evidence text[] not null default '{}', -- 证物: file references
  conduct_signed boolean not null default false, -- complainant signed the record
  first_owner_id bigint not null,             -- 首问责任人: staff who took the intake; never changes (R-TIC-3)
  department_id bigint,                       -- responsible department (R-TIC-6); changes only by an accepted transfer
  assignee_id bigint,                         -- responsible person
  deadline_at timestamptz,                    -- 限期 set at dispatch (or after a dissatisfied callback)
  opened_at timestamptz not null,             -- intake time (receivedAt); every SLA clock and handling time starts here
  acknowledged_at timestamptz,                -- first acknowledgement (acknowledge clock)
  assigned_at timestamptz,                    -- latest dispatch
  started_at timestamptz,                     -- latest start of work
  escalated_at timestamptz,                   -- escalation (investigation/report clocks start)
  resolved_at timestamptz,                    -- latest resolution by the department (repairs: completion)
  cause text,                                 -- R-TIC-9 resolution: cause, action, result
  action text,
  result text,
  signed_off_at timestamptz,                  -- department head sign-off of the latest resolution
  signed_off_by bigint,
  replied_at timestamptz,                     -- latest final reply to the customer; handling time = replied_at - opened_at
  reply_text text,
  closed_at timestamptz,                      -- closure (after a satisfied callback, or reply when no callback is due)
  paused_at timestamptz,                      -- set while waiting_customer (clocks paused)
  reopened_count int not null default 0,      -- times reopened (dissatisfied callback or manager)
  version int not null default 1,             -- optimistic concurrency: +1 on every change (expectedVersion)
  custom jsonb not null default '{}',         -- department-defined fields for form `ticket:<kind>` (R-FRM-*)
  form_version int,
  created_at timestamptz not null default now(), -- when the record was typed in (may be after opened_at)
  updated_at timestamptz not null default now(),
  primary key (site, id),
  constraint tickets_number_unique unique (site, number),
  foreign key (site, first_owner_id) references staff (site, id),
  foreign key (site, department_id) references departments (site, id),
  foreign key (site, assignee_id) references staff (site, id),
  foreign key (site, target_staff_id) references staff (site, id)
);
create index tickets_opened on tickets (site, opened_at desc, id desc);
create index tickets_state on tickets (site, state);
create index tickets_department on tickets (site, department_id, state);
create index tickets_assignee on tickets (site, assignee_id, state);
create index tickets_unit on tickets (site, unit, opened_at);
create index tickets_customer on tickets (site, customer_id, opened_at desc, id desc);
create index tickets_custom on tickets using gin (custom jsonb_path_ops);

-- R-TIC-5 SLA clocks, one row per (ticket, clock); a clock restarted (new deadline) is overwritten.
-- On time ⇔ met_at <= due_at; late ⇔ met_at > due_at, or met_at is null and now > due_at.
create table ticket_clocks (
  site text not null default 'main',
  ticket_id bigint not null,
  clock text not null check (clock in ('acknowledge', 'reply', 'answer', 'investigation', 'report', 'repair', 'deadline')),
    -- acknowledge: 2 h from intake, met by tickets.acknowledge; reply: final reply of complaints 10/15/24 h by
    -- severity, met by tickets.reply; answer: complaints answered within 3 working days, met by tickets.reply;
    -- investigation (3 wd) met by tickets.start after escalation; report (5 wd, extendable to 7) met by resolve;
    -- repair (3 wd) met by resolve; deadline: the dispatcher's 限期, met by resolve.
  basis text not null check (basis in ('elapsed', 'working')), -- how the budget is counted (settings.sla.hourClockBasis for hour clocks)
  started_at timestamptz not null,            -- instant the budget counts from
  due_at timestamptz not null,                -- current due instant (moved on resume after a pause, or by an extension)
  met_at timestamptz,                         -- when the clock's event happened; null while running
  paused_at timestamptz,                      -- non-null while the ticket waits for the customer
  remaining_ms bigint,                        -- budget left (on `basis`) at the pause; used to recompute due_at on resume
  extended boolean not null default false,    -- R-TIC-5: the one director extension was used
  primary key (site, ticket_id, clock),
  foreign key (site, ticket_id) references tickets (site, id)
);
create index ticket_clocks_open on ticket_clocks (site, due_at) where met_at is null and paused_at is null;

-- R-TIC-12 timeline: every operation on a ticket, in order.
create table ticket_events (
  site text not null default 'main',
  id bigint generated always as identity,
  ticket_id bigint not null,
  operation text not null,                    -- operation verb (open, assign, resolve, …)
  from_state text,                            -- null for open
  to_state text not null,
  actor_id bigint,                            -- staff member who did it
  note text,
  data jsonb not null default '{}',           -- operation details (assignee, deadline, outcome …)
  at timestamptz not null,
  primary key (site, id),
  foreign key (site, ticket_id) references tickets (site, id)
);
create index ticket_events_ticket on ticket_events (site, ticket_id, id);

-- R-TIC-6 transfer slip (《客户投诉转交处理联系单》): both sides recorded.
create table ticket_transfers (
  site text not null default 'main',
  id bigint generated always as identity,
  ticket_id bigint not null,
  from_department_id bigint,                  -- responsible department before the transfer
  to_department_id bigint not null,           -- receiving department
  reason text not null,
  requested_by bigint not null,
  requested_at timestamptz not null,
  decision text check (decision in ('approved', 'rejected')), -- director's decision; null while pending
  decided_by bigint,                          -- the director
  decided_at timestamptz,
  accepted_by bigint,                         -- receiving department's head or staff member
  accepted_at timestamptz,                    -- transfer complete
  primary key (site, id),
  foreign key (site, ticket_id) references tickets (site, id),
  foreign key (site, to_department_id) references departments (site, id)
);
create index ticket_transfers_ticket on ticket_transfers (site, ticket_id, id);

-- R-TIC-10 callbacks (回访): scheduled at reply (or after a dissatisfied callback), done once.
create table ticket_callbacks (
  site text not null default 'main',
  id bigint generated always as identity,
  ticket_id bigint not null,
  due_on date not null,                       -- local date the callback is due
  scheduled_at timestamptz not null,
  done_at timestamptz,                        -- null while open; the callback's date for satisfaction rates
  outcome text check (outcome in ('satisfied', 'basically_satisfied', 'dissatisfied')),
  comment text,
  staff_id bigint,                            -- callback staff
  primary key (site, id),
  foreign key (site, ticket_id) references tickets (site, id),
  constraint ticket_callbacks_done check ((done_at is null) = (outcome is null))
);
create unique index ticket_callbacks_one_open on ticket_callbacks (site, ticket_id) where done_at is null;
create index ticket_callbacks_due on ticket_callbacks (site, due_on) where done_at is null;
