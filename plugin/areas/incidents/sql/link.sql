update tickets set incident_id = :incidentId::bigint, version = version + 1, updated_at = :at::timestamptz
 where site = :site and id = any(:ticketIds::bigint[]) and incident_id is distinct from :incidentId::bigint
returning id, state;
