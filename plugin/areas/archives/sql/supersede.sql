-- Marks a working copy as replaced; only a current version can be replaced.
update archive_documents set superseded_by = $3::bigint
 where site = $1 and id = $2::bigint and superseded_by is null and not original
returning id;
