-- Settings and the calendar's exceptional days, in one round trip (core/config.ts), as text: the text is the
-- key of what it parses into, so an unchanged configuration is parsed once.
select (select value::text from settings where site = :site) as value,
       coalesce((select json_agg(json_build_array(day::text, kind) order by day)::text
                   from calendar_days where site = :site and kind <> 'normal'), '[]') as days;
