-- Only the open handover of the incoming person ($3) changes; the caller tells the refusals apart.
update handovers
   set acknowledged_at = $4::timestamptz, acknowledge_note = $5
 where site = $1 and id = $2::bigint and incoming_id = $3::bigint and acknowledged_at is null
returning id;
