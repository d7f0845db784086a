insert into ticket_transfers (site, ticket_id, from_department_id, to_department_id, reason, requested_by, requested_at)
values ($1, $2::bigint, $3::bigint, $4::bigint, $5, $6::bigint, $7::timestamptz)
returning id;
