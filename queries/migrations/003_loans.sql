-- Archive lending (档案借阅, R-LEN-*).
create table loans (
  site text not null default 'main',
  id bigint generated always as identity,
  archive_id bigint not null,
  borrower_id bigint not null,                 -- the staff member who reads the archive (the requester)
  purpose text not null,
  -- place (R-LEN-5): in_office (read in the 客务部 office, due by office close) or take_out (N working days).
  place text not null default 'in_office' check (place in ('in_office', 'take_out')),
  -- state (R-LEN-1): requested → approved | rejected → issued → returned; cancelled before issue.
  --   'approved' while the archive is out on another loan is a hold, queued by (approved_at, id) (R-LEN-8).
  --   Overdue is never stored: it is state = 'issued' and due_at < now, computed at query time.
  state text not null default 'requested'
    check (state in ('requested', 'approved', 'rejected', 'issued', 'returned', 'cancelled')),
  requested_at timestamptz not null,
  approved_by bigint,
  approved_at timestamptz,
  rejected_by bigint,
  rejected_at timestamptz,
  reject_reason text,
  cancelled_by bigint,
  cancelled_at timestamptz,
  issued_by bigint,
  issued_at timestamptz,
  due_at timestamptz,
  pages_out int,                               -- page count handed out, checked on return (R-LEN-3)
  returned_by bigint,
  returned_at timestamptz,
  pages_returned int,
  missing_pages int,                           -- pages_out - pages_returned when short; a follow-up is raised
  return_note text,
  renewals int not null default 0,             -- take-out renewals used (≤ settings.loans.maxRenewals)
  custom jsonb not null default '{}',
  form_version int,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (site, id),
  foreign key (site, archive_id) references archives (site, id),
  foreign key (site, borrower_id) references staff (site, id)
);
-- R-LEN-4: one archive is out to at most one loan at a time, enforced by the database.
create unique index loans_one_out_per_archive on loans (site, archive_id) where state = 'issued';
create index loans_archive on loans (site, archive_id, requested_at, id);
create index loans_queue on loans (site, archive_id, approved_at, id) where state = 'approved';
create index loans_requested on loans (site, requested_at, id);
create index loans_out on loans (site, due_at) where state = 'issued';
create index loans_borrower on loans (site, borrower_id, requested_at);
create index loans_custom on loans using gin (custom jsonb_path_ops);
