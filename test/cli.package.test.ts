import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipFolder } from '../plugin/cli/zip.js';

const hasUnzip = (() => {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** A folder shaped like dist/marketplace/customerdesk. */
function marketplaceFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cd-zip-'));
  mkdirSync(join(dir, 'dist'));
  mkdirSync(join(dir, 'lib'));
  writeFileSync(join(dir, 'dist', 'index.js'), `module.exports = { default: class {} };\n${'// padding\n'.repeat(2000)}`);
  writeFileSync(join(dir, 'lib', 'manifest.json'), JSON.stringify({ title: 'Customer Desk 客户服务台' }));
  writeFileSync(join(dir, 'lib', 'operations.json'), '{}');
  writeFileSync(join(dir, 'lib', 'icon.svg'), '<svg/>');
  writeFileSync(join(dir, 'plugin.json'), '{"id":"customerdesk"}');
  return dir;
}

describe('customerdesk package: the marketplace zip', () => {
  it.skipIf(!hasUnzip)('holds every file under customerdesk/, byte for byte, and passes unzip -t', () => {
    const dir = marketplaceFolder();
    const zip = join(mkdtempSync(join(tmpdir(), 'cd-zips-')), 'customerdesk.zip');
    const { files, bytes } = zipFolder(dir, 'customerdesk', zip);
    expect(files).toBe(5);
    expect(bytes).toBeLessThan(readFileSync(join(dir, 'dist', 'index.js')).length); // deflated
    expect(execFileSync('unzip', ['-t', zip]).toString()).toMatch(/No errors detected/);
    expect(execFileSync('unzip', ['-Z1', zip]).toString().trim().split('\n')).toEqual([
      'customerdesk/dist/index.js',
      'customerdesk/lib/icon.svg',
      'customerdesk/lib/manifest.json',
      'customerdesk/lib/operations.json',
      'customerdesk/plugin.json',
    ]);
    for (const file of ['dist/index.js', 'lib/manifest.json']) {
      expect(execFileSync('unzip', ['-p', zip, `customerdesk/${file}`])).toEqual(readFileSync(join(dir, file)));
    }
  });

  it('is byte-identical when built twice from the same files', () => {
    const dir = marketplaceFolder();
    const out = mkdtempSync(join(tmpdir(), 'cd-zips-'));
    zipFolder(dir, 'customerdesk', join(out, 'a.zip'));
    zipFolder(dir, 'customerdesk', join(out, 'b.zip'));
    expect(readFileSync(join(out, 'a.zip'))).toEqual(readFileSync(join(out, 'b.zip')));
  });
});
