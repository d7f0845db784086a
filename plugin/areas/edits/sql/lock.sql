select id, state from edit_requests where site = :site and id = :id::bigint for update;
