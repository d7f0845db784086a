-- A real day at the desk (SPEC §6b, R-DAY-1..6): late entries, findings on complaints, a basis per clock.
-- Idempotent: every step checks what is already there.

-- R-DAY-1 late entry. An action keeps when it really happened (occurredAt) apart from when it was typed in
-- and by whom. ticket_events.at is when it happened; entered_at when it was typed in (null: at the same
-- time, as on rows written before this migration or in bulk); actor_id who typed it.
alter table ticket_events add column if not exists entered_at timestamptz;
alter table ticket_events alter column entered_at drop not null;

-- ticket_callbacks.done_at is when the call was made; entered_at when its outcome was typed in (null as above).
alter table ticket_callbacks add column if not exists entered_at timestamptz;

-- loans: the instant of the latest action, so a late entry cannot go before it (issue/return times are
-- the occurred ones; the audit log keeps when each was typed in). Null on rows written in bulk (seed,
-- import): loans/lock.sql then takes the latest of the loan's own instants.
alter table loans add column if not exists last_event_at timestamptz;
alter table loans alter column last_event_at drop not null;

-- audit_log.at is when the change was written; occurred_at when the action happened, if it was entered later.
alter table audit_log add column if not exists occurred_at timestamptz;

-- R-DAY-3 finding on a complaint, recorded by the reviewing manager before sign-off; R-REP-2 fines follow it.
alter table tickets add column if not exists finding text;
alter table tickets add column if not exists finding_by bigint;
alter table tickets add column if not exists finding_at timestamptz;
alter table tickets add column if not exists finding_note text;
do $$
begin
  -- by table, not by name alone: another schema of the same database may already have one (migration 012)
  if not exists (select 1 from pg_constraint where conrelid = 'tickets'::regclass and conname = 'tickets_finding_known') then
    alter table tickets add constraint tickets_finding_known
      check (finding in ('upheld', 'partly_upheld', 'not_upheld'));
  end if;
end $$;

-- R-DAY-5 one basis setting per clock: the single sla.hourClockBasis becomes sla.basis.acknowledge and .reply.
update settings
   set value = jsonb_set(
         value #- '{sla,hourClockBasis}',
         '{sla,basis}',
         coalesce(value -> 'sla' -> 'basis', '{}'::jsonb)
           || jsonb_build_object('acknowledge', value -> 'sla' -> 'hourClockBasis', 'reply', value -> 'sla' -> 'hourClockBasis'))
 where value -> 'sla' ? 'hourClockBasis';
