update staff set api_key_hash = :apiKeyHash, updated_at = now() where site = :site and id = :id::bigint;
