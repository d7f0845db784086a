select * from customer_cards where site = $1 and id = $2::bigint;
