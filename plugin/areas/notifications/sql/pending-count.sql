select count(*)::int as n from outbox where site = :site and status = 'pending';
