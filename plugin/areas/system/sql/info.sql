-- Constant cost whatever the history holds (issue 17): only tables that stay small or a backlog that the
-- worker drains; the audit log, which only grows, is not counted.
select (select max(version) from schema_migrations) as "schemaVersion",
       (select count(*) from staff where site = :site) as staff,
       (select count(*) from departments where site = :site) as departments,
       (select count(*) from outbox where site = :site and status = 'pending') as "pendingNotifications";
