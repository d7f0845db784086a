select id, state from incidents where site = $1 and id = $2::bigint for update;
