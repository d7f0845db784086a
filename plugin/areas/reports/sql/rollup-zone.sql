-- The zone whose local days the rollup counts (migration 010); none before the site's first tally.
select zone from report_zone where site = :site;
