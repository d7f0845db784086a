update staff set api_key_hash = $3, updated_at = now() where site = $1 and id = $2::bigint;
