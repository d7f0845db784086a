-- R-ARC-2: newest first by date received, then by creation; superseded versions stay listed (R-ARC-3).
select id, archive_id as "archiveId", kind, subtype, title, received_on::text as "receivedOn", pages, file_ref as "fileRef",
       original, supersedes_id as "supersedesId", superseded_by as "supersededBy", (superseded_by is null) as current,
       notes, created_by as "createdBy", created_at as "createdAt"
  from archive_documents
 where site = :site and archive_id = :archiveId::bigint and (:id::bigint is null or id = :id::bigint)
 order by received_on desc, created_at desc, id desc;
