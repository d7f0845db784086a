select coalesce((select used_bytes from attachment_usage where site = $1), 0)::bigint as "usedBytes";
