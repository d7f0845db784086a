select coalesce((select used_bytes from attachment_usage where site = :site), 0)::bigint as "usedBytes";
