-- Foundation: departments, staff, settings, working calendar, audit log, outbox, idempotency keys.
-- Every domain table leads with `site` (管理处 / property): it prefixes every key and index, and is the
-- distribution column when one server is outgrown (Citus).

create table departments (
  site text not null default 'main',
  id bigint generated always as identity,
  code text not null,
  name text not null,
  kind text not null default 'service',
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (site, id),
  unique (site, code)
);

create table staff (
  site text not null default 'main',
  id bigint generated always as identity,
  name text not null,
  tooljet_user_id text,
  email text,
  phone text,
  department_id bigint,
  roles text[] not null default '{agent}',
  active boolean not null default true,
  api_key_hash text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (site, id),
  foreign key (site, department_id) references departments (site, id),
  constraint staff_roles_known check (roles <@ array['agent','supervisor','manager','director','dept_head','admin']::text[])
);
create unique index staff_tooljet_user on staff (site, tooljet_user_id) where tooljet_user_id is not null;
create unique index staff_email on staff (site, lower(email)) where email is not null;
create unique index staff_api_key on staff (site, api_key_hash) where api_key_hash is not null;

create table settings (
  site text not null default 'main',
  value jsonb not null default '{}',
  updated_at timestamptz not null default now(),
  primary key (site)
);

create table calendar_days (
  site text not null default 'main',
  day date not null,
  kind text not null check (kind in ('holiday', 'workday', 'normal')),
  name text,
  updated_at timestamptz not null default now(),
  primary key (site, day)
);

create table audit_log (
  site text not null default 'main',
  id bigint generated always as identity,
  at timestamptz not null default now(),
  actor_id bigint,
  operation text not null,
  entity text,
  entity_id text,
  action text,
  before jsonb,
  after jsonb,
  primary key (site, id)
);
create index audit_log_entity on audit_log (site, entity, entity_id, at);

-- R-ACT-3: the audit log is append-only, and the database itself refuses changes to it.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only' using errcode = '42501';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();

-- R-NOT-1: events are written here in the same transaction as the change, delivered later.
create table outbox (
  site text not null default 'main',
  id bigint generated always as identity,
  event_id uuid not null default gen_random_uuid(),
  event text not null,
  payload jsonb not null,
  created_at timestamptz not null default now(),
  status text not null default 'pending' check (status in ('pending', 'delivered', 'dead')),
  attempts int not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  delivered_at timestamptz,
  primary key (site, id)
);
create index outbox_due on outbox (site, next_attempt_at) where status = 'pending';

create table idempotency_keys (
  site text not null default 'main',
  operation text not null,
  key text not null,
  result jsonb,
  created_at timestamptz not null default now(),
  primary key (site, operation, key)
);
