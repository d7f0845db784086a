insert into incidents (site, title, location, description, occurred_at, opened_by, opened_at)
values ($1, $2, $3, $4, $5::timestamptz, $6::bigint, $7::timestamptz)
returning id;
