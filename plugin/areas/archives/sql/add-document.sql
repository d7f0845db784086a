-- $11 is the version this one replaces (a revised working copy), null for a new document.
insert into archive_documents (site, archive_id, kind, subtype, title, received_on, pages, file_ref, original, notes, supersedes_id, created_by, created_at)
values ($1, $2::bigint, $3, $4, $5, $6::date, $7::int, $8, $9::boolean, $10, $11::bigint, $12::bigint, $13::timestamptz)
returning id;
