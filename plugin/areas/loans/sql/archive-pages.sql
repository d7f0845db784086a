-- Pages handed out by default: every current document of the archive.
select coalesce(sum(pages), 0)::int as pages from archive_documents
 where site = :site and archive_id = :archiveId::bigint and superseded_by is null;
