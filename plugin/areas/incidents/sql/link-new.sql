-- Part of the intake itself: the new ticket keeps version 1.
update tickets set incident_id = :incidentId::bigint where site = :site and id = :ticketId::bigint;
