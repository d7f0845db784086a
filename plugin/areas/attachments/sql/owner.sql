-- Who owns attachment $2: its ticket or document, for the visibility check before reading it.
select ticket_id as "ticketId", document_id as "documentId" from attachments where site = $1 and id = $2::bigint;
