select clock, basis, started_at as "startedAt", due_at as "dueAt", met_at as "metAt", paused_at as "pausedAt",
       remaining_ms::float8 as "remainingMs", extended
  from ticket_clocks
 where site = :site and ticket_id = :ticketId::bigint
 order by due_at, clock;
