select (select max(version) from schema_migrations) as "schemaVersion",
       (select count(*) from staff where site = $1) as staff,
       (select count(*) from departments where site = $1) as departments,
       (select count(*) from audit_log where site = $1) as "auditEntries",
       (select count(*) from outbox where site = $1 and status = 'pending') as "pendingNotifications";
