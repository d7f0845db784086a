-- R-DAY-1: after every loan action, :at when it happened (a later entry may not go before it), :now when it was entered.
update loans set last_event_at = :at::timestamptz, updated_at = :now::timestamptz where site = :site and id = :id::bigint;
