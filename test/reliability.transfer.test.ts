// Data safety: `customerdesk export --site S` / `customerdesk import` move a site as JSON lines. Export →
// import into an empty database → export gives the same bytes; an import never lands on existing data.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSite } from '../plugin/transfer/export.js';
import { importSite } from '../plugin/transfer/import.js';
import { testDb, type TestDb } from './support/db.js';
import { checksums, seedWorld, type World } from './support/invariants.js';
import { expectError } from './support/errors.js';

let source: TestDb;
let w: World;
let exported: string[];

async function exportLines(t: TestDb, site = 'main'): Promise<string[]> {
  const lines: string[] = [];
  await exportSite(t.db, site, (l) => void lines.push(l));
  return lines;
}

async function* each(lines: string[]) {
  yield* lines;
}

beforeAll(async () => {
  source = await testDb();
  w = await seedWorld(source);
  await source
    .as(w.cast.agent)('customers.update', { id: w.customers[0]!, notes: '导出前 before export' })
    .catch(() => undefined);
  exported = await exportLines(source);
}, 120_000);
afterAll(async () => {
  console.log(`[reliability.transfer] ${exported.length - 1} rows exported, imported and exported again`);
  await source?.close();
});

describe('customerdesk export / import', () => {
  it('export → import into an empty database → export gives identical output', async () => {
    expect(exported.length).toBeGreaterThan(50);
    expect(JSON.parse(exported[0]!)).toMatchObject({ format: 'customerdesk-export', site: 'main' });
    const target = await testDb();
    try {
      const result = await importSite(target.db, each(exported));
      expect(result.rows).toBe(exported.length - 1);
      expect(await exportLines(target)).toEqual(exported);
      // The imported site works: its records read back, and new ones get fresh ids after the imported ones.
      const customer = await target.as(w.cast.manager)('customers.get', { id: w.customers[0]! });
      expect(customer.archiveId).toBe(w.archives[0]);
      const created = await target.as(w.cast.agent)('customers.create', { unit: '30F-3001', name: '导入后 After import' });
      expect(created.id).toBeGreaterThan(Math.max(...w.customers));
    } finally {
      await target.close();
    }
  });

  it('an import into a site that has data is refused and changes nothing; a bad line rolls the whole import back', async () => {
    const target = await testDb();
    try {
      await importSite(target.db, each(exported));
      const before = await checksums(target.sql, target.db.schema);
      await expectError(importSite(target.db, each(exported)), 'CONFLICT');
      expect(await checksums(target.sql, target.db.schema)).toEqual(before);
      const broken = [...exported.slice(0, 30), '{"table":"no_such_table","row":{}}', ...exported.slice(30)];
      await expectError(importSite(target.db, each(broken), { site: 'other' }), 'VALIDATION');
      const counts = await target.sql<{ n: number }>(`select count(*)::int as n from customers where site = 'other'`);
      expect(counts[0]?.n).toBe(0);
      // Into another site of the same database: the site column is the target's.
      const moved = await importSite(target.db, each(exported), { site: 'branch' });
      expect(moved.site).toBe('branch');
      expect(await exportLines(target, 'branch')).toEqual([exported[0]!.replace('"site":"main"', '"site":"branch"'), ...exported.slice(1)]);
    } finally {
      await target.close();
    }
  });

  it('the CLI moves a site through a file: import into a fresh data directory, export it back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'customerdesk-transfer-'));
    try {
      const file = join(dir, 'main.jsonl');
      writeFileSync(file, `${exported.join('\n')}\n`);
      const env = { ...process.env };
      delete env.DATABASE_URL;
      const cli = (...args: string[]) => execFileSync(process.execPath, ['bin/customerdesk.mjs', ...args, '--data-dir', join(dir, 'data')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      cli('import', '--in', file);
      cli('export', '--site', 'main', '--out', join(dir, 'again.jsonl'));
      expect(readFileSync(join(dir, 'again.jsonl'), 'utf8')).toBe(readFileSync(file, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
