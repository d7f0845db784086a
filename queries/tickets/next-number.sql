-- R-TIC-2: the row lock serialises concurrent intakes; a rollback frees the number again.
insert into ticket_numbers (site, year, last) values ($1, $2::int, 1)
on conflict (site, year) do update set last = ticket_numbers.last + 1
returning last;
