select day::text as date, kind, name
  from calendar_days
 where site = $1 and kind <> 'normal' and day between $2::date and $3::date
 order by day;
