select to_regclass('tickets') is not null as present;
