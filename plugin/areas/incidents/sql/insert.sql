insert into incidents (site, title, location, description, occurred_at, opened_by, opened_at)
values (:site, :title::text, :location::text, :description::text, :occurredAt::timestamptz, :actorId::bigint, :at::timestamptz)
returning id;
