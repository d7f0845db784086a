update idempotency_keys set result = :result::jsonb where site = :site and operation = :operation::text and key = :key::text;
