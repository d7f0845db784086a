-- Issue 17: customers.search by name prefix reads one page, not every customer with the prefix.
--
-- The name search walks this index in (name, id) order from the prefix and stops at the page's limit, so
-- its cost is the page's, whatever the prefix's breadth (R-ARC-6). Collation "C": a LIKE prefix becomes a
-- range on a C-collated b-tree, and the order is the bytes' order in every database, whatever its locale.
-- It replaces customers_name_prefix (text_pattern_ops answers the prefix but cannot give the order).
create index if not exists customers_name_order on customers (site, lower(name) collate "C", id);
drop index if exists customers_name_prefix;
