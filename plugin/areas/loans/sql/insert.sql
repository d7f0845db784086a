-- :requestedAt when the request was made (occurredAt, R-DAY-1), :now when it was entered.
insert into loans (site, archive_id, borrower_id, purpose, place, requested_at, last_event_at, custom, form_version, created_at, updated_at)
values (:site, :archiveId::bigint, :borrowerId::bigint, :purpose::text, :place::text, :requestedAt::timestamptz, :requestedAt::timestamptz, :custom::jsonb, :formVersion::int, :now::timestamptz, :now::timestamptz)
returning id;
