-- Pages handed out by default: every current document of the archive.
select coalesce(sum(pages), 0)::int as pages from archive_documents
 where site = $1 and archive_id = $2::bigint and superseded_by is null;
