-- The incoming person must be an active staff member other than the outgoing one.
insert into handovers (site, outgoing_id, incoming_id, created_at, shift_hours, notes, snapshot)
select $1, $2::bigint, s.id, $4::timestamptz, $5::numeric, $6, $7::jsonb
  from staff s
 where s.site = $1 and s.id = $3::bigint and s.active and s.id <> $2::bigint
returning id;
