-- Only the open handover of the incoming person (:incomingId) changes; the caller tells the refusals apart.
update handovers
   set acknowledged_at = :at::timestamptz, acknowledge_note = :note::text
 where site = :site and id = :id::bigint and incoming_id = :incomingId::bigint and acknowledged_at is null
returning id;
