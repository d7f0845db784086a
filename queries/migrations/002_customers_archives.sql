-- Customer records, their archives (一户一档: one archive per customer of a unit), archive documents and
-- the edit requests through which working records change (R-CUS-*, R-ARC-*).

create table customers (
  site text not null default 'main',
  id bigint generated always as identity,
  unit text not null,                          -- 单元号, e.g. '12F-1203'
  floor int not null,                          -- derived from the unit at write time: '12F-…' → 12, 'B1-…' → -1
  name text not null,                          -- company or person; the archive label follows it (R-CUS-3)
  contacts jsonb not null default '[]',        -- [{name, phones[], email}]
  phones text[] not null default '{}',         -- every contact phone reduced to digits, for indexed search (R-ARC-6)
  category text not null default 'new' check (category in ('prospective', 'new', 'regular', 'vip')), -- 潜在/新/常规/VIP
  grade text not null default 'C' check (grade in ('A', 'B', 'C', 'D')),
  move_in_date date,
  confidential boolean not null default false, -- R-CUS-5: contacts and documents masked below manager unless owner
  owner_staff_id bigint,                       -- assigned owner, who sees a confidential record unmasked
  notes text not null default '',
  custom jsonb not null default '{}',
  form_version int,
  -- status: 'active' = current occupant of the unit (at most one per unit, R-CUS-1);
  --         'vacated' = moved out (退租), its archive bound and in the vacated store (R-ARC-4). Never deleted.
  status text not null default 'active' check (status in ('active', 'vacated')),
  vacated_at timestamptz,
  version int not null default 1,              -- bumped on every change; a stale edit request is a CONFLICT
  created_by bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (site, id),
  foreign key (site, owner_staff_id) references staff (site, id)
);
-- R-CUS-1: the database refuses a second active customer for a unit, also under concurrent creates.
create unique index customers_one_active_per_unit on customers (site, unit) where status = 'active';
-- R-ARC-6 search paths that stay index-backed at 1M rows (no trigram extension needed).
create index customers_unit on customers (site, unit, id);
create index customers_floor on customers (site, floor, unit, id);
create index customers_name_prefix on customers (site, lower(name) text_pattern_ops);
create index customers_phones on customers using gin (phones);
create index customers_custom on customers using gin (custom jsonb_path_ops);

create table archives (
  site text not null default 'main',
  id bigint generated always as identity,
  customer_id bigint not null,
  label text not null,                         -- always the customer's current name (R-CUS-3)
  box_no text,                                 -- 档案盒号, printed in the vacated catalogue (R-ARC-5)
  -- status: 'active' = in the live store; 'vacated' = moved to the vacated store when the customer left.
  status text not null default 'active' check (status in ('active', 'vacated')),
  -- bound (装订): closed to new documents; set when the customer vacates (R-ARC-4).
  bound boolean not null default false,
  vacated_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (site, id),
  unique (site, customer_id),
  foreign key (site, customer_id) references customers (site, id)
);
create index archives_vacated on archives (site, vacated_at) where status = 'vacated';

-- R-CUS-3: every label an archive carried, so previous names stay in the history.
create table archive_labels (
  site text not null default 'main',
  id bigint generated always as identity,
  archive_id bigint not null,
  label text not null,
  set_at timestamptz not null,
  set_by bigint,
  primary key (site, id),
  foreign key (site, archive_id) references archives (site, id)
);
create index archive_labels_archive on archive_labels (site, archive_id, set_at);

create table archive_documents (
  site text not null default 'main',
  id bigint generated always as identity,
  archive_id bigint not null,
  -- kind (R-ARC-1): move_in 入住资料, fit_out 二装资料, correspondence 往来函, application 申请单, other.
  kind text not null check (kind in ('move_in', 'fit_out', 'correspondence', 'application', 'other')),
  -- subtype of an application: door_lock 房门锁, phone_line 电话, parking 车位, signage 水牌, overtime 客户加班.
  subtype text check (subtype in ('door_lock', 'phone_line', 'parking', 'signage', 'overtime')),
  title text not null,
  received_on date not null,
  pages int not null check (pages >= 0),
  file_ref text,                               -- URL or storage key; blobs live elsewhere
  original boolean not null,                   -- originals are never modified (R-ARC-3)
  -- A working copy changed through an approved edit gets a new row; the old one points to it and stays listed.
  supersedes_id bigint,
  superseded_by bigint,
  notes text not null default '',
  created_by bigint,
  created_at timestamptz not null default now(),
  primary key (site, id),
  foreign key (site, archive_id) references archives (site, id),
  constraint archive_documents_subtype check ((kind = 'application') = (subtype is not null))
);
create index archive_documents_list on archive_documents (site, archive_id, received_on desc, created_at desc, id desc);

-- R-ARC-3 backstop: the database itself refuses any change to an original document.
create function archive_documents_originals_frozen() returns trigger language plpgsql as $$
begin
  if old.original then
    raise exception 'original documents cannot be changed' using errcode = '42501';
  end if;
  return new;
end $$;
create trigger archive_documents_no_original_update before update or delete on archive_documents
  for each row execute function archive_documents_originals_frozen();

create table edit_requests (
  site text not null default 'main',
  id bigint generated always as identity,
  entity text not null check (entity in ('customer', 'document')),
  entity_id bigint not null,
  customer_id bigint not null,                 -- whose history shows the request (R-CUS-4)
  changes jsonb not null,                      -- the requested new values (camelCase field → value)
  before jsonb not null,                       -- the record as it was when requested
  after jsonb,                                 -- the record as applied (approved only)
  base_version int not null,                   -- customer version (or document id) when requested: a change since → CONFLICT
  -- state: 'pending' awaits a manager; 'approved' = applied in the approval's transaction;
  --        'rejected' = refused, nothing applied (R-ARC-3, 经理同意方可修改).
  state text not null default 'pending' check (state in ('pending', 'approved', 'rejected')),
  reason text not null default '',
  requested_by bigint not null,
  requested_at timestamptz not null,
  decided_by bigint,
  decided_at timestamptz,
  decision_note text,
  result_id bigint,                            -- the new document version created by an approved document edit
  primary key (site, id),
  foreign key (site, customer_id) references customers (site, id)
);
create index edit_requests_state on edit_requests (site, state, requested_at, id);
create index edit_requests_customer on edit_requests (site, customer_id, requested_at);

-- One customer with its archive, camelCase, as every read returns it (get, search, update results).
create view customer_cards as
select c.site, c.id, c.unit, c.floor, c.name, c.contacts, c.phones, c.category, c.grade,
       c.move_in_date::text as "moveInDate", c.confidential, c.owner_staff_id as "ownerStaffId",
       o.name as "ownerName", c.notes, c.custom, c.form_version as "formVersion", c.status,
       c.vacated_at as "vacatedAt", c.version, a.id as "archiveId", a.label, a.box_no as "boxNo",
       a.status as "archiveStatus", a.bound, c.created_at as "createdAt", c.updated_at as "updatedAt"
  from customers c
  join archives a on a.site = c.site and a.customer_id = c.id
  left join staff o on o.site = c.site and o.id = c.owner_staff_id;
