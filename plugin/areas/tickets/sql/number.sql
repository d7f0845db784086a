-- The intake's last statement (issue 17): takes the year's number (R-TIC-2) for ticket :id written by tickets/open.sql,
-- stamps it on the ticket and writes the audit entry of the numbered ticket (R-ACT-3) with the call's other audit
-- entries (runner journal), through ticket_take_number (migration 018, which keeps its plan per session). The counter
-- row is locked from here until commit: nothing but this statement and the commit runs while it is held, and a failed
-- intake rolls the number back with everything else, so the year's numbers stay gap-free.
-- :year local year and :numberDay YYMMDD of the intake; :clocks the ticket's clocks for the audit entry,
-- :operation the operation's name, :audits the call's other audit entries. Returns the number alone: the rest of
-- the row is what tickets/open.sql returned.
select ticket_take_number(:site, :id::bigint, :year::int, :numberDay::text, :clocks::jsonb, :operation, :audits::jsonb,
                          nullif(:actorId::bigint, 0), :now::timestamptz, :openedAt::timestamptz) as number;
