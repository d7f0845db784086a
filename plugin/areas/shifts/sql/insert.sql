-- The incoming person must be an active staff member other than the outgoing one.
insert into handovers (site, outgoing_id, incoming_id, created_at, shift_hours, notes, snapshot)
select :site, :outgoingId::bigint, s.id, :now::timestamptz, :shiftHours::numeric, :notes::text, :snapshot::jsonb
  from staff s
 where s.site = :site and s.id = :incomingId::bigint and s.active and s.id <> :outgoingId::bigint
returning id;
