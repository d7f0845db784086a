-- Links take a share lock, closing an exclusive one: no ticket is linked to an incident being closed.
select id, state from incidents where site = :site and id = :id::bigint for share;
