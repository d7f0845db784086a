-- Issue 17: reports.monthly reads the month's deltas not folded yet (report_day_rows, 015) in each of its four
-- statements, by (site, day). The deltas had only their primary key, so each statement read the whole table, and
-- a fold leaves the rows it moved dead until vacuum: after the bench's intake bursts, 53,000 dead rows (9 MiB) at
-- 10k tickets, 2.3–3.6 ms a statement against 0.6–2.3 ms through this index (15:55–16:00 UTC).
create index if not exists report_fact_deltas_day on report_fact_deltas (site, day);
