// A user's mistake at the command line gets one line naming the fix and a non-zero exit — never a
// stack trace, never a silent success (the newcomer's first ten minutes, issue 16).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Run {
  code: number | null;
  out: string;
  err: string;
}

/** Runs the compiled CLI; stops it after `timeoutMs` (a command that should have failed would hang). */
function cli(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 60_000): Promise<Run> {
  const merged: Record<string, string | undefined> = { ...process.env, ...env };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const child = spawn(process.execPath, ['dist/cli/main.js', ...args], { env: merged as NodeJS.ProcessEnv });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) => child.on('exit', (code) => (clearTimeout(timer), resolve({ code, out, err }))));
}

/** One line on stderr, no stack frames, a non-zero exit, and the line matches `fix`. */
function expectOneLine(r: Run, fix: RegExp): void {
  expect(r.code, r.out + r.err).not.toBe(0);
  expect(r.code).not.toBeNull();
  const lines = r.err.trim().split('\n');
  expect(lines, r.err).toHaveLength(1);
  expect(r.err).not.toMatch(/^\s+at /m);
  expect(lines[0]).toMatch(fix);
}

let dir: string;
let busy: Server;
let busyPort: number;
const noDb = { DATABASE_URL: undefined };
const unreachable = { DATABASE_URL: 'postgres://desk:secret@127.0.0.1:9/desk' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cd-cli-'));
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((resolve) => busy.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('mistakes at the command line', () => {
  it('install --tooljet-url not-a-url', async () => {
    // A packaged marketplace folder, so the run gets as far as the URL.
    const market = join(dir, 'marketplace');
    mkdirSync(join(market, 'customerdesk'), { recursive: true });
    const entry = { id: 'customerdesk', name: 'Customer Desk', version: '0.1.0' };
    writeFileSync(join(market, 'plugins.json'), JSON.stringify([entry]));
    writeFileSync(join(market, 'customerdesk', 'plugin.json'), JSON.stringify(entry));
    const r = await cli(['install', '--tooljet-url', 'not-a-url', '--email', 'a@b.c', '--password', 'x', '--marketplace', market], noDb);
    expectOneLine(r, /"not-a-url.*" is not a URL: write it in full, e.g. http:\/\/localhost:8082/);
  });

  it('an unreachable DATABASE_URL in export names the address and the fix', async () => {
    expectOneLine(await cli(['export', '--site', 'main'], unreachable), /cannot reach the database at 127\.0\.0\.1:9 .*DATABASE_URL/);
  });

  it('an unreachable DATABASE_URL in serve: it listens, then exits with the reason', async () => {
    const r = await cli(['serve', '--port', String(busyPort + 1)], unreachable);
    expectOneLine(r, /cannot reach the database at 127\.0\.0\.1:9 .*DATABASE_URL/);
  });

  it('a DATABASE_URL that is not a URL says what one looks like', async () => {
    expectOneLine(await cli(['export'], { DATABASE_URL: 'localhost' }), /postgres:\/\/user:password@host:5432\/database/);
  });

  it('a busy port says to choose another with --port', async () => {
    expectOneLine(await cli(['serve', '--port', String(busyPort), '--no-seed', '--data-dir', join(dir, 'busy')], noDb), new RegExp(`port ${busyPort} is already in use.*--port`));
  });

  it('--port abc', async () => {
    expectOneLine(await cli(['serve', '--port', 'abc'], noDb), /"abc" is not a port number; give 1–65535/);
  });

  it('export --data-dir <missing> is an error, and creates nothing', async () => {
    const missing = join(dir, 'no-such-dir');
    expectOneLine(await cli(['export', '--data-dir', missing], noDb), /no Customer Desk data in .*no-such-dir: give the --data-dir/);
    expect(existsSync(missing)).toBe(false);
  });

  it('--zone Mars/Phobos is refused at start', async () => {
    expectOneLine(await cli(['serve', '--zone', 'Mars/Phobos', '--data-dir', join(dir, 'zone')], noDb), /"Mars\/Phobos" is not an IANA time zone/);
    expect(existsSync(join(dir, 'zone'))).toBe(false);
  });

  it('an unknown command', async () => {
    expectOneLine(await cli(['sevre'], noDb), /unknown command 'sevre'.*serve/);
  });
});
