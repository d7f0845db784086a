-- Marks a working copy as replaced; only a current version can be replaced.
update archive_documents set superseded_by = :supersededBy::bigint
 where site = :site and id = :id::bigint and superseded_by is null and not original
returning id;
