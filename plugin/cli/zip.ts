// A minimal ZIP writer (deflate, no encryption, no zip64) for the marketplace package: the folder is a handful
// of small files, Node has deflate and CRC-32 built in, and an administrator on Windows has no `zip` command.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

interface Entry {
  name: Buffer;
  crc: number;
  size: number;
  compressed: Buffer;
  offset: number;
}

// 1980-01-01 00:00 in DOS format: a fixed stamp keeps the zip byte-identical between builds.
const dosTime = 0;
const dosDate = (0 << 9) | (1 << 5) | 1;

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
  const parts: Buffer[] = [];
  const entries: Entry[] = [];
  let offset = 0;
  for (const path of filesUnder(dir)) {
    const data = readFileSync(path);
    const name = Buffer.from(`${prefix}/${relative(dir, path).split(sep).join('/')}`, 'utf8');
    const entry: Entry = { name, crc: crc32(data), size: data.length, compressed: deflateRawSync(data, { level: 9 }), offset };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(dosTime, 10);
    header.writeUInt16LE(dosDate, 12);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(entry.compressed.length, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(0, 28);
    parts.push(header, name, entry.compressed);
    offset += header.length + name.length + entry.compressed.length;
    entries.push(entry);
  }
  const centralStart = offset;
  for (const e of entries) {
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4); // made by
    header.writeUInt16LE(20, 6); // needed
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt16LE(dosTime, 12);
    header.writeUInt16LE(dosDate, 14);
    header.writeUInt32LE(e.crc, 16);
    header.writeUInt32LE(e.compressed.length, 20);
    header.writeUInt32LE(e.size, 24);
    header.writeUInt16LE(e.name.length, 28);
    header.writeUInt32LE(e.offset, 42); // extra, comment, disk, attributes stay 0
    parts.push(header, e.name);
    offset += header.length + e.name.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(offset - centralStart, 12);
  end.writeUInt32LE(centralStart, 16);
  parts.push(end);
  const zip = Buffer.concat(parts);
  writeFileSync(out, zip);
  return { files: entries.length, bytes: zip.length };
}
