select id, state from incidents where site = :site and id = :id::bigint for update;
