-- Locks the document row so two revisions of one working copy are serialised.
select archive_id as "archiveId" from archive_documents where site = :site and id = :id::bigint for update;
