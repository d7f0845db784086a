-- R-DAY-4: staff quote the ticket number (YYMMDDNNN); tickets_number_unique makes this one index probe.
select id from tickets where site = :site and number = :number;
