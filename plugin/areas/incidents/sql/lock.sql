-- Links take a share lock, closing an exclusive one: no ticket is linked to an incident being closed.
select id, state from incidents where site = $1 and id = $2::bigint for share;
