-- Newest first. $2 a staff member on either side, $3 only unacknowledged, $4 id of the last row of the previous page.
select h.id, h.outgoing_id as "outgoingId", o.name as "outgoingName", h.incoming_id as "incomingId", i.name as "incomingName",
       h.created_at as "createdAt", h.shift_hours as "shiftHours", h.notes, h.snapshot,
       h.acknowledged_at as "acknowledgedAt", h.acknowledge_note as "acknowledgeNote"
  from handovers h
  join staff o on o.site = h.site and o.id = h.outgoing_id
  join staff i on i.site = h.site and i.id = h.incoming_id
 where h.site = $1
   and ($2::bigint is null or $2::bigint in (h.outgoing_id, h.incoming_id))
   and (not $3::boolean or h.acknowledged_at is null)
   and ($4::bigint is null or h.id < $4::bigint)
   and ($5::bigint is null or h.id = $5::bigint)
 order by h.id desc
 limit $6::int;
