select count(*)::int as n from outbox where site = $1 and status = 'pending';
