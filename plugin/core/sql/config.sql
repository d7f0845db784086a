-- Settings and the calendar's exceptional days, in one round trip (core/config.ts).
select (select value from settings where site = :site) as value,
       coalesce((select json_agg(json_build_array(day::text, kind)) from calendar_days where site = :site and kind <> 'normal'), '[]') as days;
