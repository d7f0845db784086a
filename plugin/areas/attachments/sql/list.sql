-- Attachments of one ticket (:ticketId) or one document (:documentId), oldest first; the bytes only when :withData (print, get).
select a.id, a.ticket_id as "ticketId", a.document_id as "documentId", a.stage, a.file_name as "fileName",
       a.content_type as "contentType", a.size_bytes as "sizeBytes", a.sha256, a.note,
       a.created_by as "createdBy", a.created_at as "createdAt",
       case when :withData::boolean then a.data end as data
  from attachments a
 where a.site = :site
   and ((:ticketId::bigint is not null and a.ticket_id = :ticketId::bigint) or (:documentId::bigint is not null and a.document_id = :documentId::bigint))
   and (:onlyId::bigint is null or a.id = :onlyId::bigint)
 order by a.id;
