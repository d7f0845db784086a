select result from idempotency_keys where site = :site and operation = :operation::text and key = :key::text;
