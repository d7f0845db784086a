-- Only a pending request is decided (the row is locked by edits/lock first).
update edit_requests
   set state = :state::text, decided_by = :actorId::bigint, decided_at = :now::timestamptz, decision_note = :note::text, after = :after::jsonb, result_id = :resultId::bigint
 where site = :site and id = :id::bigint and state = 'pending'
returning id;
