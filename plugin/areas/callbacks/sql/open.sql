select id, due_on as "dueOn" from ticket_callbacks where site = :site and ticket_id = :ticketId::bigint and done_at is null;
