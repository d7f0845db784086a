-- Who owns attachment :id: its ticket or document, for the visibility check before reading it.
select ticket_id as "ticketId", document_id as "documentId" from attachments where site = :site and id = :id::bigint;
