-- R-DAY-10 for the monthly report: appointments whose window opened in [:from, :to), by outcome.
select count(*)::int as booked,
       count(*) filter (where state = 'done')::int as done,
       count(*) filter (where state = 'missed')::int as missed,
       count(*) filter (where state = 'missed' and missed_by = 'resident')::int as "missedByResident",
       count(*) filter (where state = 'missed' and missed_by = 'staff')::int as "missedByStaff",
       count(*) filter (where state = 'cancelled')::int as cancelled,
       count(*) filter (where state = 'scheduled')::int as open
  from appointments
 where site = :site and window_start >= :from::timestamptz and window_start < :to::timestamptz;
