select day::text as date, kind, name
  from calendar_days
 where site = :site and kind <> 'normal' and day between :from::date and :to::date
 order by day;
