-- R-DAY-8 per-site limit: the usage row is updated only while the new total stays within :maxSiteBytes; no row back
-- means the limit would be passed. Concurrent uploads queue on the row, so the limit holds.
insert into attachment_usage (site, used_bytes) values (:site, :bytes::bigint)
on conflict (site) do update set used_bytes = attachment_usage.used_bytes + excluded.used_bytes
 where attachment_usage.used_bytes + excluded.used_bytes <= :maxSiteBytes::bigint
returning used_bytes as "usedBytes";
