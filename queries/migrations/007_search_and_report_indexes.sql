-- Issue 17: free-text search on an index, and the monthly report read from indexes alone.
--
-- Free text (tickets.search q, customers.search q) is matched as `lower(text) like '%fragment%'`. With
-- pg_trgm the trigram indexes below answer it; without the extension (a role that may not create it, a
-- PGlite without the contrib loaded) the same statement scans, and gives the same rows. The extension
-- lives in whatever schema it already has, or in `public`, never in the data source's schema: dropping one
-- data source's schema must not drop it from under another.

-- The texts the search matches, one expression per index. Immutable, so they can be indexed; the
-- statements call the same functions, so the planner sees the indexed expression. chr(1) keeps a
-- fragment from matching across two fields.
create or replace function ticket_search_text(number text, matter text, content text, target text)
  returns text language sql immutable parallel safe
  as $$ select lower(number || chr(1) || matter || chr(1) || content || chr(1) || coalesce(target, '')) $$;
-- Identity fields, searched only where the reader is not the complaint's target (R-TIC-8).
create or replace function ticket_party_text(name text, phone text, unit text)
  returns text language sql immutable parallel safe
  as $$ select lower(coalesce(name, '') || chr(1) || coalesce(phone, '') || chr(1) || coalesce(unit, '')) $$;
-- Unit, name and phone digits of a customer (R-ARC-6: "12F", part of a name, part of a number).
create or replace function customer_search_text(unit text, name text, phones text[])
  returns text language sql immutable parallel safe
  as $$ select lower(unit || chr(1) || name || chr(1) || array_to_string(phones, chr(1))) $$;

do $$
declare
  ops text;
begin
  begin
    create extension if not exists pg_trgm with schema public;
  exception when others then
    raise notice 'pg_trgm is not available (%); free-text search scans instead', sqlerrm;
  end;
  select quote_ident(n.nspname) || '.gin_trgm_ops' into ops
    from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm';
  if ops is not null then
    execute format('create index if not exists tickets_search_text on tickets using gin (ticket_search_text(number, matter, content, target) %s)', ops);
    execute format('create index if not exists tickets_party_text on tickets using gin (ticket_party_text(complainant_name, complainant_phone, unit) %s)', ops);
    execute format('create index if not exists customers_search_text on customers using gin (customer_search_text(unit, name, phones) %s)', ops);
  end if;
end $$;

-- reports.monthly: the month's tickets by intake time with every column the report reads, so the counts,
-- the summary and the top units come from the index without visiting the table (index-only scans).
create index if not exists tickets_month on tickets (site, opened_at)
  include (id, kind, category, severity, department_id, channel, malicious, state, unit, replied_at);
-- A ticket's callbacks (tickets.get, customers.get): the only index by ticket was the partial one of open
-- callbacks, so the detail scanned every callback of the site (184 ms at 1M tickets).
create index if not exists ticket_callbacks_ticket on ticket_callbacks (site, ticket_id, id);
-- The month's clocks (on-time rate) without visiting the clock table.
create index if not exists ticket_clocks_outcome on ticket_clocks (site, ticket_id) include (clock, due_at, met_at, paused_at);
-- Callbacks made in the month (satisfaction), by when they were done.
create index if not exists ticket_callbacks_done on ticket_callbacks (site, done_at) include (outcome) where done_at is not null;
