-- R-DAY-1: after every loan action, $3 when it happened (a later entry may not go before it), $4 when it was entered.
update loans set last_event_at = $3::timestamptz, updated_at = $4::timestamptz where site = $1 and id = $2::bigint;
