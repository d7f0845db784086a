// The marketplace package as a zip (fflate: small, dependency-free), since an administrator on Windows
// has no `zip` command. A fixed timestamp keeps the zip byte-identical between builds.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

const fixedTime = new Date('1980-01-01T00:00:00');

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/** Zips every file under `dir`; names inside the zip start with `prefix/` (the folder ToolJet expects). */
export function zipFolder(dir: string, prefix: string, out: string): { files: number; bytes: number } {
  const files = filesUnder(dir);
  const entries: Zippable = {};
  for (const path of files) {
    const name = `${prefix}/${relative(dir, path).split(sep).join('/')}`;
    entries[name] = [readFileSync(path), { level: 9, mtime: fixedTime }];
  }
  const zip = zipSync(entries);
  writeFileSync(out, zip);
  return { files: files.length, bytes: zip.length };
}
