select id, state from edit_requests where site = $1 and id = $2::bigint for update;
