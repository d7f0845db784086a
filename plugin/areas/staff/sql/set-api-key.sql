update staff set api_key_hash = :apiKeyHash::text, updated_at = now() where site = :site and id = :id::bigint;
