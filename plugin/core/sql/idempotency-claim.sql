-- An idempotent write claims its key first; no row back means an earlier call holds it (idempotency-prior.sql).
insert into idempotency_keys (site, operation, key) values (:site, :operation::text, :key::text) on conflict do nothing returning key;
