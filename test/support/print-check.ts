// Checks on how a document really prints, for the browser test: which fonts Chromium used for the
// Chinese text (DevTools protocol CSS.getPlatformFontsForNode), and which PDF page each heading,
// table row and signature block landed on (markers put in the page, found again with pdftotext).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Families that carry Chinese glyphs; any other font drawing a Chinese character draws a box. */
export const cjkFamily = /CJK|Source Han|WenQuanYi|Droid Sans Fallback|PingFang|YaHei|SimSun|Hei|Song|Ming|Kai/i;

/** Elements whose own text has Chinese characters, with how many of them no CJK font drew. */
export async function cjkFallbacks(page: Page): Promise<{ text: string; fonts: string[] }[]> {
  const count = await page.evaluate(() => {
    let n = 0;
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const own = Array.from(el.childNodes)
        .filter((c) => c.nodeType === 3)
        .map((c) => c.textContent ?? '')
        .join('');
      const han = own.match(/[\u3400-\u9fff]/g)?.length ?? 0;
      if (han > 0) {
        el.setAttribute('data-han', String(han));
        n++;
      }
    }
    return n;
  });
  if (count === 0) return [];
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-han]' });
    const misses: { text: string; fonts: string[] }[] = [];
    for (const nodeId of nodeIds) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const { attributes } = await cdp.send('DOM.getAttributes', { nodeId });
      const han = Number(attributes[attributes.indexOf('data-han') + 1]);
      const drawn = fonts.filter((f) => cjkFamily.test(f.familyName)).reduce((a, f) => a + f.glyphCount, 0);
      if (drawn < han) {
        const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
        misses.push({ text: outerHTML.replace(/<[^>]+>/g, '').slice(0, 40), fonts: fonts.map((f) => `${f.familyName}×${f.glyphCount}`) });
      }
    }
    return misses;
  } finally {
    await cdp.detach();
  }
}

/**
 * Puts numbered ASCII markers (white, 1 px) at the start and end of each unit that must not be split
 * across pages: a heading with the first thing after it, a table row, a signature block with the line
 * before it. Returns the units' names by marker number.
 */
export async function markUnits(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const names: string[] = [];
    const mark = (el: Element, where: 'afterbegin' | 'beforeend', id: string) => {
      const span = document.createElement('span');
      span.textContent = ` QQ${id}QQ `;
      span.setAttribute('style', 'font-size:1px;color:#fff;font-family:monospace;line-height:0');
      el.insertAdjacentElement(where, span);
    };
    const unit = (name: string, first: Element, last: Element) => {
      const n = names.push(name) - 1;
      mark(first, 'afterbegin', `${n}a`);
      mark(last, 'beforeend', `${n}b`);
    };
    for (const h of Array.from(document.querySelectorAll('main h2, main h3'))) {
      const next = h.nextElementSibling;
      const target = next?.matches('table') ? next.querySelector('tr:nth-child(2) td, tr:nth-child(2) th, tr td') : next;
      if (target) unit(`heading "${h.textContent?.trim().slice(0, 30)}" and what follows it`, h, target);
    }
    for (const tr of Array.from(document.querySelectorAll('main tr'))) {
      const cells = tr.querySelectorAll('td, th');
      if (cells.length) unit(`table row "${tr.textContent?.trim().slice(0, 30)}"`, cells[0]!, cells[cells.length - 1]!);
    }
    for (const s of Array.from(document.querySelectorAll('.signatures'))) {
      const before = s.previousElementSibling;
      const anchor = before?.matches('table') ? Array.from(before.querySelectorAll('tr')).pop()?.lastElementChild : before;
      // Into the block's first and last signer, not the flex container itself (a marker there would be a flex item).
      unit('signature block with the content before it', anchor ?? s, s.lastElementChild ?? s);
    }
    return names;
  });
}

/** Page (1-based) of each marker in a PDF, and the page count. */
export function markerPages(pdf: Buffer): { pages: number; at: Map<string, number> } {
  const dir = mkdtempSync(join(tmpdir(), 'cd-pdf-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    execFileSync('pdftotext', [join(dir, 'doc.pdf'), join(dir, 'doc.txt')]);
    const pages = readFileSync(join(dir, 'doc.txt'), 'utf8').split('\f');
    const at = new Map<string, number>();
    pages.forEach((text, i) => {
      for (const m of text.matchAll(/QQ(\d+[ab])QQ/g)) at.set(m[1]!, i + 1);
    });
    return { pages: pages.filter((p) => p.trim()).length, at };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Units whose start and end markers are on different pages. */
export function splitUnits(names: string[], at: Map<string, number>): string[] {
  return names.flatMap((name, n) => {
    const a = at.get(`${n}a`);
    const b = at.get(`${n}b`);
    return a !== undefined && b !== undefined && a !== b ? [`${name}: page ${a} → ${b}`] : [];
  });
}

/** PNGs of every page of a PDF (pdftoppm), named <base>-<page>.png. */
export function pagePngs(pdf: Buffer, dir: string, base: string): void {
  const tmp = mkdtempSync(join(tmpdir(), 'cd-png-'));
  try {
    writeFileSync(join(tmp, 'doc.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '60', join(tmp, 'doc.pdf'), join(dir, base)]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
