-- :supersedesId is the version this one replaces (a revised working copy), null for a new document.
insert into archive_documents (site, archive_id, kind, subtype, title, received_on, pages, file_ref, original, notes, supersedes_id, created_by, created_at)
values (:site, :archiveId::bigint, :kind::text, :subtype::text, :title::text, :receivedOn::date, :pages::int, :fileRef::text, :original::boolean, :notes::text, :supersedesId::bigint, :createdBy::bigint, :now::timestamptz)
returning id;
