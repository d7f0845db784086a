-- R-TIC-7: whether the unit had an earlier complaint within the repeat window before this intake. Only whether one
-- exists matters, so the read stops at the first (a unit's complaints in a window are unbounded).
select exists (
  select from tickets
   where site = :site and kind = 'complaint' and unit = :unit
     and opened_at >= :since::timestamptz and opened_at <= :until::timestamptz
) as repeated;
