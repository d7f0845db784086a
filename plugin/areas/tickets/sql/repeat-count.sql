-- R-TIC-7: earlier complaints from the same unit within the repeat window before this intake.
select count(*)::int as n
  from tickets
 where site = $1 and kind = 'complaint' and unit = $2
   and opened_at >= $3::timestamptz and opened_at <= $4::timestamptz;
