-- A real day at the desk (SPEC §6b): incidents reported by many residents (R-DAY-7), photos and scans
-- stored in the database (R-DAY-8), appointments agreed with residents (R-DAY-10).
-- Office-hour periods (R-DAY-9) are settings and need no table.

-- R-DAY-7: one event (a burst pipe, a stuck lift, a cold snap) that many tickets report.
create table if not exists incidents (
  site text not null default 'main',
  id bigint generated always as identity,
  title text not null,                        -- e.g. 3号楼12层水管爆裂 burst pipe, building 3, 12F
  location text,                              -- where: building, floors, units, as told
  description text not null default '',
  state text not null default 'open' check (state in ('open', 'closed')), -- closed: no more links (STATE)
  occurred_at timestamptz not null,           -- when it happened (first report by default)
  opened_by bigint not null,
  opened_at timestamptz not null,
  closed_by bigint,
  closed_at timestamptz,
  close_note text,
  created_at timestamptz not null default now(),
  primary key (site, id),
  foreign key (site, opened_by) references staff (site, id),
  foreign key (site, closed_by) references staff (site, id),
  constraint incidents_closed check ((state = 'closed') = (closed_at is not null))
);
create index if not exists incidents_opened on incidents (site, opened_at desc, id desc);

-- A ticket belongs to at most one incident; it keeps its own number, clocks and callback.
alter table tickets add column if not exists incident_id bigint;
do $$ begin
  alter table tickets add constraint tickets_incident_fk foreign key (site, incident_id) references incidents (site, id);
exception when duplicate_object then null;
end $$;
create index if not exists tickets_incident on tickets (site, incident_id) where incident_id is not null;

-- R-DAY-8: photos (JPEG/PNG) and scans (PDF) on tickets and archive documents, kept in the database.
create table if not exists attachments (
  site text not null default 'main',
  id bigint generated always as identity,
  ticket_id bigint,
  document_id bigint,
  stage text not null check (stage in ('intake', 'before', 'after', 'scan')), -- before/after repair; scan of a document
  file_name text not null,
  content_type text not null check (content_type in ('image/jpeg', 'image/png', 'application/pdf')), -- from the bytes
  size_bytes int not null check (size_bytes > 0),
  sha256 text not null,
  data bytea not null,
  note text not null default '',
  created_by bigint,
  created_at timestamptz not null default now(),
  primary key (site, id),
  foreign key (site, ticket_id) references tickets (site, id),
  foreign key (site, document_id) references archive_documents (site, id),
  constraint attachments_one_owner check ((ticket_id is null) <> (document_id is null))
);
create index if not exists attachments_ticket on attachments (site, ticket_id, id) where ticket_id is not null;
create index if not exists attachments_document on attachments (site, document_id, id) where document_id is not null;

-- Bytes stored per site, kept in step with every insert so the per-site limit holds under concurrent uploads.
create table if not exists attachment_usage (
  site text not null,
  used_bytes bigint not null default 0,
  primary key (site)
);

-- R-DAY-8 / R-ARC-3: an attachment is an original; the database refuses to change or remove it.
create or replace function attachments_frozen() returns trigger language plpgsql as $$
begin
  raise exception 'attachments are originals and cannot be changed or removed' using errcode = '42501';
end $$;
drop trigger if exists attachments_no_change on attachments;
create trigger attachments_no_change before update or delete on attachments
  for each row execute function attachments_frozen();

-- R-DAY-10: a visit or callback agreed with the resident for a time window.
create table if not exists appointments (
  site text not null default 'main',
  id bigint generated always as identity,
  ticket_id bigint not null,
  kind text not null check (kind in ('visit', 'callback')), -- 上门 visit / 回电 callback
  window_start timestamptz not null,
  window_end timestamptz not null,
  assignee_id bigint,                         -- who goes or calls
  contact text,                               -- who to meet or call, as agreed
  note text not null default '',
  state text not null default 'scheduled' check (state in ('scheduled', 'done', 'missed', 'cancelled')),
  missed_by text check (missed_by in ('resident', 'staff')), -- whose side missed it
  outcome_note text,
  recorded_by bigint,
  recorded_at timestamptz,
  booked_by bigint not null,
  booked_at timestamptz not null,
  primary key (site, id),
  foreign key (site, ticket_id) references tickets (site, id),
  foreign key (site, assignee_id) references staff (site, id),
  constraint appointments_window check (window_end > window_start),
  constraint appointments_missed check ((state = 'missed') = (missed_by is not null))
);
create index if not exists appointments_ticket on appointments (site, ticket_id, window_start);
create index if not exists appointments_open on appointments (site, window_start) where state = 'scheduled';
