-- Part of the intake itself: the new ticket keeps version 1.
update tickets set incident_id = $3::bigint where site = $1 and id = $2::bigint;
