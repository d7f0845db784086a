-- Newest first. :staffId a staff member on either side, :unacknowledged only unacknowledged, :afterId id of the last row of the previous page.
select h.id, h.outgoing_id as "outgoingId", o.name as "outgoingName", h.incoming_id as "incomingId", i.name as "incomingName",
       h.created_at as "createdAt", h.shift_hours as "shiftHours", h.notes, h.snapshot,
       h.acknowledged_at as "acknowledgedAt", h.acknowledge_note as "acknowledgeNote"
  from handovers h
  join staff o on o.site = h.site and o.id = h.outgoing_id
  join staff i on i.site = h.site and i.id = h.incoming_id
 where h.site = :site
   and (:staffId::bigint is null or :staffId::bigint in (h.outgoing_id, h.incoming_id))
   and (not :unacknowledged::boolean or h.acknowledged_at is null)
   and (:afterId::bigint is null or h.id < :afterId::bigint)
   and (:id::bigint is null or h.id = :id::bigint)
 order by h.id desc
 limit :limit::int;
