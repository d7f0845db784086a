select * from customer_cards where site = :site and id = :id::bigint;
