import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { testDb, type TestDb } from './support/db.js';
import { cjkFallbacks, markerPages, markUnits, pagePngs, splitUnits } from './support/print-check.js';
import { seedDemo } from '../plugin/seed/index.js';
import { silentLogger } from '../plugin/core/logger.js';
import { templateNames } from '../plugin/areas/documents/engine.js';

// R-DOC-1 in a real browser: every document, rendered from the demo data set, lays out within an A4
// page, prints every Chinese character with a CJK font (never a box), keeps headings, table rows and
// signature blocks with their content across page breaks, and prints on the number of pages a
// manager would expect. PNGs of every printed page land in test/artifacts/ for a look.

const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const artifacts = new URL('./artifacts/', import.meta.url).pathname;

// A4 at 96 dpi: the page is 210 mm wide; printed, the content box is 210 mm less the @page margins (13 mm each side).
const mm = 96 / 25.4;
const a4Width = Math.round(210 * mm);
const printWidth = Math.floor((210 - 26) * mm);
const placeholders = /undefined|\bnull\b|NaN|\[object Object\]|\{\{|\}\}|Invalid DateTime/;

/** Pages each document takes for the demo data set: a page more is a layout fault a manager sees. */
const expectedPages: Record<string, number> = {
  'complaint-intake': 1,
  'transfer-slip': 1,
  'resolution-record': 1,
  'loan-slip': 1,
  'vacated-catalogue': 1,
  'monthly-analysis': 2,
  'quarterly-summary': 1,
  'callback-stats': 1,
  'survey-results': 2,
};

let t: TestDb;
let browser: Browser;
let params: Record<string, Record<string, unknown>>;
let manager: number;
let lateLoan: { id: number; boxNo: string };

/** One value from the demo database; the test needs it to exist. */
async function one<T>(sql: string): Promise<T> {
  const [row] = await t.sql<{ v: T }>(sql);
  if (row?.v === undefined || row.v === null) throw new Error(`demo data has nothing for: ${sql}`);
  return row.v;
}

async function render(name: string): Promise<string> {
  return ((await t.as(manager)('documents.render', { template: name, params: params[name] })) as { html: string }).html;
}

describe.skipIf(!executablePath || !hasPoppler)('R-DOC-1 documents in headless Chromium', () => {
  beforeAll(async () => {
    t = await testDb();
    await seedDemo(t.env, silentLogger);
    const admin = await one<number>(`select id as v from staff where 'admin' = any(roles) order by id limit 1`);
    manager = await one<number>(`select id as v from staff where 'manager' = any(roles) order by id limit 1`);
    // The header names the property and the centre from the settings.
    await t.as(admin)('settings.update', { patch: { documents: { propertyName: '滨江花园物业管理处 Riverside Gardens', centreName: '客户服务中心 Customer Service Centre' } } });
    const transferred = await one<number>(`select ticket_id as v from ticket_transfers order by id limit 1`);
    const month = await one<string>(`select to_char(date_trunc('month', now() at time zone 'Asia/Shanghai') - interval '1 month', 'YYYY-MM') as v`);
    lateLoan = (
      await t.sql<{ id: number; boxNo: string }>(
        `select l.id, a.box_no as "boxNo" from loans l join archives a on a.site = l.site and a.id = l.archive_id where l.state = 'returned' and l.returned_at > l.due_at order by l.id limit 1`,
      )
    )[0]!;
    params = {
      'complaint-intake': { id: await one<number>(`select id as v from tickets where kind = 'complaint' and target_staff_id is not null order by id limit 1`) },
      'transfer-slip': { id: transferred },
      'resolution-record': { id: await one<number>(`select ticket_id as v from ticket_callbacks where done_at is not null order by id limit 1`) },
      'loan-slip': { id: lateLoan.id },
      'vacated-catalogue': {
        year: await one<number>(`select extract(year from vacated_at at time zone 'Asia/Shanghai')::int as v from archives where status = 'vacated' group by 1 order by count(*) desc limit 1`),
      },
      'monthly-analysis': { month },
      'quarterly-summary': { quarter: `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5)) / 3)}` },
      'callback-stats': { year: Number(month.slice(0, 4)) },
      'survey-results': { id: await one<number>(`select max(id) as v from surveys`) },
    };
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
    rmSync(artifacts, { recursive: true, force: true });
    mkdirSync(artifacts, { recursive: true });
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('R-DOC-1 every built-in document has demo parameters and an expected page count', () => {
    expect(Object.keys(params).sort()).toEqual([...templateNames].sort());
    expect(Object.keys(expectedPages).sort()).toEqual([...templateNames].sort());
  });

  it.each(templateNames)(
    'R-DOC-1 %s fits A4, prints every Chinese glyph, keeps its parts together, on the expected pages',
    async (name) => {
      const html = await render(name);
      const page = await browser.newPage({ viewport: { width: a4Width, height: 1123 } });
      try {
        // No network: a document must carry everything it shows (inline SVG, system fonts).
        await page.route('**/*', (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load' });
        const screen = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, text: document.body.textContent, charts: document.querySelectorAll('svg').length }));
        expect.soft(screen.width, `${name} is wider than A4 on screen`).toBeLessThanOrEqual(a4Width);
        expect.soft(screen.text).not.toMatch(placeholders);
        expect.soft(screen.text).toMatch(/[\u4e00-\u9fff]{2,}/);
        expect.soft(screen.text, 'the header names the property and the centre from the settings').toContain('滨江花园物业管理处');
        expect.soft(screen.text).toContain('客户服务中心 Customer Service Centre');
        expect.soft(await cjkFallbacks(page), `${name}: Chinese text drawn without a CJK font (boxes)`).toEqual([]);
        // Chart labels stay inside their chart (an SVG clips what falls outside its box).
        const clipped = await page.evaluate(() =>
          Array.from(document.querySelectorAll('svg')).flatMap((svg) => {
            const box = svg.getBoundingClientRect();
            return Array.from(svg.querySelectorAll('text'))
              .filter((tx) => {
                const r = tx.getBoundingClientRect();
                return r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5;
              })
              .map((tx) => tx.textContent);
          }),
        );
        expect.soft(clipped, `${name}: chart labels cut off`).toEqual([]);

        await page.emulateMedia({ media: 'print' });
        await page.setViewportSize({ width: printWidth, height: 1000 });
        const printed = await page.evaluate(() => document.documentElement.scrollWidth);
        expect.soft(printed, `${name} overflows the printed A4 content box`).toBeLessThanOrEqual(printWidth);
        const clean = await page.pdf({ format: 'A4', preferCSSPageSize: true });
        pagePngs(clean, artifacts, name);
        expect.soft(markerPages(clean).pages, `${name}: pages`).toBe(expectedPages[name]);
        const units = await markUnits(page);
        const { at } = markerPages(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
        expect.soft(splitUnits(units, at), `${name}: split across a page break`).toEqual([]);
        if (['monthly-analysis', 'quarterly-summary', 'callback-stats', 'survey-results'].includes(name)) expect.soft(screen.charts).toBeGreaterThan(0);
      } finally {
        await page.close();
      }
    },
    120_000,
  );

  it('R-ARC-5 the vacated catalogue is one table, grouped by floor (a floor cell spans its archives)', async () => {
    const page = await browser.newPage();
    try {
      await page.setContent(await render('vacated-catalogue'));
      const shape = await page.evaluate(() => ({ tables: document.querySelectorAll('main table').length, floors: Array.from(document.querySelectorAll('main td.floor')).map((r) => r.textContent) }));
      expect(shape.tables).toBe(1);
      expect(shape.floors.length).toBeGreaterThan(3);
    } finally {
      await page.close();
    }
  });

  it('R-LEN-1 R-LEN-7 the loan slip shows the box number and marks a late return', async () => {
    const html = await render('loan-slip');
    expect(html).toContain(lateLoan.boxNo);
    expect(html).toMatch(/逾期归还 Returned late/);
  });

  it('PNGs of every printed page are in test/artifacts/', () => {
    const pngs = readdirSync(artifacts).filter((f) => f.endsWith('.png'));
    for (const name of templateNames) expect(pngs.filter((f) => f.startsWith(`${name}-`)).length, name).toBe(expectedPages[name]);
  });
});

describe.skipIf(!executablePath)('the glyph check itself', () => {
  it('finds the boxes on a machine without a CJK font (fontconfig limited to DejaVu)', async () => {
    const conf = join(tmpdir(), `cd-fonts-no-cjk-${process.pid}.conf`);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(conf, `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>/tmp/cd-fc-cache</cachedir></fontconfig>`);
    const bare = await chromium.launch({ executablePath, args: ['--no-sandbox'], env: { ...process.env, FONTCONFIG_FILE: conf } as Record<string, string> });
    try {
      const page = await bare.newPage();
      await page.setContent('<html><body><p>客户服务中心 Customer Service Centre</p></body></html>');
      const misses = await cjkFallbacks(page);
      expect(misses.length).toBe(1);
      expect(misses[0]!.fonts.join()).not.toMatch(/CJK/);
    } finally {
      await bare.close();
      rmSync(conf, { force: true });
    }
  }, 60_000);
});

if (!executablePath || !hasPoppler) {
  describe('R-DOC-1 documents in headless Chromium', () => {
    const why = 'needs Chromium (Debian chromium or CHROMIUM_PATH), pdftotext/pdftoppm (poppler-utils) and a CJK font (fonts-noto-cjk)';
    // On a developer's machine the test skips; CI installs them (.ci/run), so there a missing one is a failure.
    if (process.env.CI) it(`cannot run: ${why}`, () => expect.fail(why));
    else it.skip(`skipped: ${why}`, () => {});
  });
}
