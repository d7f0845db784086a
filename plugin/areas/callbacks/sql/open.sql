select id, due_on as "dueOn" from ticket_callbacks where site = $1 and ticket_id = $2::bigint and done_at is null;
