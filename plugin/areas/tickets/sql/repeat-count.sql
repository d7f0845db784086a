-- R-TIC-7: earlier complaints from the same unit within the repeat window before this intake.
select count(*)::int as n
  from tickets
 where site = :site and kind = 'complaint' and unit = :unit
   and opened_at >= :since::timestamptz and opened_at <= :until::timestamptz;
