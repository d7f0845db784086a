-- Only a pending request is decided (the row is locked by edits/lock first).
update edit_requests
   set state = $3, decided_by = $4::bigint, decided_at = $5::timestamptz, decision_note = $6, after = $7::jsonb, result_id = $8::bigint
 where site = $1 and id = $2::bigint and state = 'pending'
returning id;
