insert into attachments (site, ticket_id, document_id, stage, file_name, content_type, size_bytes, sha256, data, note, created_by, created_at)
values ($1, $2::bigint, $3::bigint, $4, $5, $6, $7::int, $8, $9::bytea, $10, $11::bigint, $12::timestamptz)
returning id;
