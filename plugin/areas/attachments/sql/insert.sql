insert into attachments (site, ticket_id, document_id, stage, file_name, content_type, size_bytes, sha256, data, note, created_by, created_at)
values (:site, :ticketId::bigint, :documentId::bigint, :stage::text, :fileName::text, :contentType::text, :sizeBytes::int, :sha256::text, :data::bytea, :note::text, :actorId::bigint, :at::timestamptz)
returning id;
