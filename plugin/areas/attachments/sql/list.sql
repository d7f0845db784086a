-- Attachments of one ticket ($2) or one document ($3), oldest first; the bytes only when $4 (print, get).
select a.id, a.ticket_id as "ticketId", a.document_id as "documentId", a.stage, a.file_name as "fileName",
       a.content_type as "contentType", a.size_bytes as "sizeBytes", a.sha256, a.note,
       a.created_by as "createdBy", a.created_at as "createdAt",
       case when $4::boolean then a.data end as data
  from attachments a
 where a.site = $1
   and (($2::bigint is not null and a.ticket_id = $2::bigint) or ($3::bigint is not null and a.document_id = $3::bigint))
   and ($5::bigint is null or a.id = $5::bigint)
 order by a.id;
