import { pgDb } from '../plugin/db/pg.js';
import { ensureMigrated } from '../plugin/db/ready.js';
const db = pgDb({ connectionString: 'postgres://postgres:postgres@127.0.0.1:54329/postgres', schema: 'inv4', max: 2 });
await ensureMigrated(db);
await db.transaction(async (tx) => {
  await tx.exec("set local statement_timeout = 0; set local maintenance_work_mem = '256MB'; set local session_replication_role = replica");
  await tx.query(`insert into customers (unit, floor, name, phones, category, grade)
       select (2 + g % 29) || 'F-' || g, 2 + g % 29, 'Company ' || md5(g::text), array['139' || lpad(g::text, 8, '0')],
              (array['prospective','new','regular','vip'])[1 + g % 4], (array['A','B','C','D'])[1 + g % 4]
         from generate_series(1, 1000000) g`);
  await tx.query(`insert into archives (customer_id, label) select id, name from customers`);
});
await db.transaction((tx) => tx.exec('set local statement_timeout = 0; analyze customers; analyze archives'));
await db.close();
