-- R-DAY-3 findings are one of three words. Migration 008 first looked its check up by name alone, so in a
-- second schema of the same database (one data source per schema, CUSTOMERDESK_SCHEMA) it found the first
-- schema's constraint and added none. Add it where it is missing; a no-op where 008 added it.
do $$
begin
  if not exists (select 1 from pg_constraint where conrelid = 'tickets'::regclass and conname = 'tickets_finding_known') then
    alter table tickets add constraint tickets_finding_known
      check (finding in ('upheld', 'partly_upheld', 'not_upheld'));
  end if;
end $$;
