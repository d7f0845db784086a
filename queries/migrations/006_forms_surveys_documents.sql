-- Department forms (R-FRM-*), satisfaction surveys, document template overrides (R-DOC-1).
-- All three are version histories: rows are only ever added, and the database refuses changes.

create function append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name using errcode = '42501';
end $$;

-- R-FRM-2: each save of a form is a new version holding the whole field list; records keep the
-- version they were saved with, so an old version must stay readable forever.
create table form_definitions (
  site text not null default 'main',
  id bigint generated always as identity,
  entity text not null,
  version int not null check (version > 0),
  department_id bigint,             -- the department section changed by this version; null = general section
  fields jsonb not null,
  note text,
  created_by bigint,
  created_at timestamptz not null default now(),
  primary key (site, id),
  constraint form_definitions_version unique (site, entity, version),
  constraint form_definitions_entity check (entity ~ '^(customer|loan|survey|ticket:(complaint|repair|help|inquiry|suggestion))$'),
  foreign key (site, department_id) references departments (site, id),
  foreign key (site, created_by) references staff (site, id)
);
create trigger form_definitions_append_only before update or delete on form_definitions
  for each row execute function append_only();

-- Periodic satisfaction surveys (满意度调查): quarterly, half-yearly or yearly.
create table surveys (
  site text not null default 'main',
  id bigint generated always as identity,
  title text not null,
  period text not null check (period ~ '^\d{4}(-Q[1-4]|-H[12])?$'),
  method text not null check (method in ('questionnaire', 'phone', 'face_to_face')),
  form_version int not null,        -- the survey form's version the questions come from
  population int not null,          -- active customers when the survey opened: the response-rate base
  created_by bigint,
  created_at timestamptz not null default now(),
  primary key (site, id),
  constraint surveys_one_per_period unique (site, period),
  foreign key (site, created_by) references staff (site, id)
);

create table survey_responses (
  site text not null default 'main',
  id bigint generated always as identity,
  survey_id bigint not null,
  customer_id bigint not null,
  method text not null check (method in ('questionnaire', 'phone', 'face_to_face')),
  answers jsonb not null,
  taken_by bigint,
  created_at timestamptz not null default now(),
  primary key (site, id),
  constraint survey_responses_one_per_customer unique (site, survey_id, customer_id),
  foreign key (site, survey_id) references surveys (site, id),
  foreign key (site, customer_id) references customers (site, id),
  foreign key (site, taken_by) references staff (site, id)
);
create trigger survey_responses_append_only before update or delete on survey_responses
  for each row execute function append_only();

-- R-DOC-1: per-department wording of a built-in template. The latest row per (template, department)
-- wins; a 'reset' row returns to the built-in while the earlier texts stay in the history.
create table document_templates (
  site text not null default 'main',
  id bigint generated always as identity,
  template text not null,
  department_id bigint,             -- null: the site-wide override
  action text not null check (action in ('set', 'reset')),
  source text,
  note text,
  created_by bigint,
  created_at timestamptz not null default now(),
  primary key (site, id),
  constraint document_templates_source check ((action = 'set') = (source is not null)),
  foreign key (site, department_id) references departments (site, id),
  foreign key (site, created_by) references staff (site, id)
);
create index document_templates_current on document_templates (site, template, department_id, id desc);
create trigger document_templates_append_only before update or delete on document_templates
  for each row execute function append_only();
