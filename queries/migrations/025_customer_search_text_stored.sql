-- Issue 17, R-ARC-6: customers.search's free text (q) tests the customers it passes against their unit, name and
-- phones, lowered and joined (customer_search_text, 007). Computed per test it cost ~2–3 µs a customer, on the
-- customer's own row: a page of 20 names tested ~400 customers in unit order, at 10M tickets each on a heap page
-- of its own. The bench's statement took 0.67 ms at 10k tickets, 1.32 ms at 1M and 1.38 ms at 10M (execution, median
-- of 400, 22:42 UTC). Stored with the row, and carried in the unit index so that the walk reads no row it does not
-- return, it took 0.49, 0.46 and 0.46 ms (22:50 UTC). The trigram index moves to the stored text: one expression.
alter table customers add column if not exists search_text text
  generated always as (customer_search_text(unit, name, phones)) stored;

create index customers_unit_text on customers (site, unit, id) include (search_text);
drop index customers_unit;
alter index customers_unit_text rename to customers_unit;

do $$
declare
  ops text;
begin
  select quote_ident(n.nspname) || '.gin_trgm_ops' into ops
    from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm';
  if ops is not null then
    drop index if exists customers_search_text;
    execute format('create index customers_search_text on customers using gin (search_text %s)', ops);
  end if;
end $$;
