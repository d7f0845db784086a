// `customerdesk install` against a stand-in ToolJet server that implements the endpoints it calls with their
// request/response shapes (sign-in cookie + workspace header, plugins, data sources, apps, import) and records calls.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApps } from '../plugin/apps/build.js';
import { installIntoToolJet, type CatalogueEntry } from '../plugin/cli/install.js';
import { InstallError, signIn } from '../plugin/cli/tooljet-api.js';

type Obj = Record<string, any>;
interface Call {
  method: string;
  path: string;
  body: Obj | null;
}

const org = 'org-1';
const entry: CatalogueEntry = { id: 'customerdesk', name: 'Customer Desk', description: 'desk', version: '0.1.0', author: 'team' };

function fakeToolJet(o: { marketplace: boolean }) {
  const calls: Call[] = [];
  const state = { plugins: [] as Obj[], dataSources: [] as Obj[], apps: [] as Obj[], droppedSources: 0 };
  const read = (req: IncomingMessage) =>
    new Promise<Obj | null>((resolve) => {
      let text = '';
      req.on('data', (c) => (text += c));
      req.on('end', () => resolve(text ? JSON.parse(text) : null));
    });
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const body = await read(req);
    calls.push({ method: req.method ?? '', path: url.pathname + url.search, body });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    const route = `${req.method} ${url.pathname}`;
    if (route === 'POST /api/authenticate') {
      if (body?.email !== 'admin@example.com' || body?.password !== 'secret') return send(401, { message: 'Invalid credentials' });
      return send(201, { id: 'u1', email: body.email, current_organization_id: org }, { 'set-cookie': 'tj_auth_token=t0k; Path=/; HttpOnly' });
    }
    if (!String(req.headers.cookie).includes('tj_auth_token=t0k') || req.headers['tj-workspace-id'] !== org) return send(401, { message: 'Unauthorized' });
    if (url.pathname.startsWith('/api/plugins') && !o.marketplace) return send(404, { message: `Cannot ${req.method} ${url.pathname}` });
    if (route === 'GET /api/plugins') return send(200, state.plugins);
    if (route === 'POST /api/plugins/install') {
      if (state.plugins.some((p) => p.pluginId === body?.id)) return send(409, { message: 'Plugin already installed' });
      const plugin = { id: `plugin-uuid-${state.plugins.length + 1}`, pluginId: body?.id, name: body?.name, description: body?.description, version: body?.version };
      state.plugins.push(plugin);
      return send(201, plugin);
    }
    const patch = /^PATCH \/api\/plugins\/([\w-]+)$/.exec(route);
    if (patch) {
      const plugin = state.plugins.find((p) => p.id === patch[1]);
      if (!plugin) return send(404, { message: 'Plugin not found' });
      Object.assign(plugin, { version: body?.version, name: body?.name, description: body?.description });
      return send(200, plugin);
    }
    if (route === `GET /api/data-sources/${org}`) return send(200, { data_sources: state.dataSources });
    if (route === 'POST /api/data-sources') {
      if (!state.plugins.some((p) => p.id === body?.plugin_id && p.pluginId === body?.kind)) return send(400, { message: 'plugin not installed' });
      const ds = { id: `ds-${state.dataSources.length + 1}`, name: body?.name, kind: body?.kind, pluginId: body?.plugin_id, options: body?.options };
      state.dataSources.push(ds);
      return send(201, ds);
    }
    if (route === 'GET /api/apps') {
      const key = url.searchParams.get('searchKey') ?? '';
      return send(200, { apps: state.apps.filter((a) => a.name.includes(key)), meta: { total_count: state.apps.length } });
    }
    if (route === 'POST /api/v2/resources/import') {
      if (body?.organization_id !== org || !body?.app?.[0]?.appName) return send(400, { message: 'bad import' });
      const def = body.app[0].definition.appV2;
      // ToolJet drops a data source whose plugin is not installed, with all its queries, without a word.
      for (const ds of def.dataSources) if (!state.plugins.some((p) => p.pluginId === ds.kind)) state.droppedSources++;
      state.apps.push({ id: `app-${state.apps.length + 1}`, name: body.app[0].appName });
      return send(201, { imports: { app: [{ id: `app-${state.apps.length}` }] } });
    }
    return send(404, { message: 'no route' });
  });
  return {
    calls,
    state,
    async start() {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

let stop: (() => Promise<void>) | undefined;
afterEach(async () => stop?.());

const apps = buildApps();
const plan = { entry, dataSource: 'Customer Desk', sourceOptions: { connection_string: 'postgres://desk:pw@db/desk', schema: 'desk' }, apps };
const writes = (calls: Call[]) => calls.filter((c) => c.method !== 'GET' && c.path !== '/api/authenticate').map((c) => `${c.method} ${c.path}`);

describe('customerdesk install (issue 7)', () => {
  it('installs the plugin, then creates the data source, then imports the eight apps, reporting each step', async () => {
    const tj = fakeToolJet({ marketplace: true });
    stop = tj.stop;
    const api = await signIn(await tj.start(), { email: 'admin@example.com', password: 'secret' });
    const lines: string[] = [];
    await installIntoToolJet(api, plan, (l) => lines.push(l));
    expect(writes(tj.calls)).toEqual(['POST /api/plugins/install', 'POST /api/data-sources', ...apps.map(() => 'POST /api/v2/resources/import')]);
    expect(tj.calls.find((c) => c.path === '/api/plugins/install')?.body).toEqual({ id: 'customerdesk', name: 'Customer Desk', description: 'desk', version: '0.1.0' });
    const ds = tj.calls.find((c) => c.path === '/api/data-sources')?.body;
    expect(ds).toMatchObject({ name: 'Customer Desk', kind: 'customerdesk', plugin_id: 'plugin-uuid-1', scope: 'global' });
    expect(ds?.options).toEqual(expect.arrayContaining([
      { key: 'connection_string', value: 'postgres://desk:pw@db/desk', encrypted: true },
      { key: 'schema', value: 'desk', encrypted: false },
      { key: 'time_zone', value: 'Asia/Shanghai', encrypted: false },
    ]));
    expect(tj.state.apps.map((a) => a.name)).toEqual(apps.map((a) => a.appName));
    expect(tj.state.droppedSources).toBe(0);
    expect(lines).toEqual([
      '1/3 plugin customerdesk 0.1.0',
      '  plugin customerdesk 0.1.0 installed',
      '2/3 data source "Customer Desk"',
      '  data source "Customer Desk" created',
      '3/3 8 template apps',
      ...apps.map((a) => `  app "${a.appName}" imported`),
      'done',
    ]);
  });

  it('is idempotent: a second run changes nothing and says what is already there', async () => {
    const tj = fakeToolJet({ marketplace: true });
    stop = tj.stop;
    const api = await signIn(await tj.start(), { email: 'admin@example.com', password: 'secret' });
    await installIntoToolJet(api, plan, () => undefined);
    const before = tj.calls.length;
    const lines: string[] = [];
    await installIntoToolJet(api, plan, (l) => lines.push(l));
    expect(writes(tj.calls.slice(before))).toEqual([]);
    expect(lines.filter((l) => l.includes('already'))).toHaveLength(2 + apps.length);
    expect(tj.state.plugins).toHaveLength(1);
    expect(tj.state.dataSources).toHaveLength(1);
    expect(tj.state.apps).toHaveLength(apps.length);
  });

  it('upgrades an installed plugin of another version in place', async () => {
    const tj = fakeToolJet({ marketplace: true });
    stop = tj.stop;
    const api = await signIn(await tj.start(), { email: 'admin@example.com', password: 'secret' });
    tj.state.plugins.push({ id: 'plugin-uuid-9', pluginId: 'customerdesk', version: '0.0.9' });
    const lines: string[] = [];
    await installIntoToolJet(api, { ...plan, apps: [] }, (l) => lines.push(l));
    expect(writes(tj.calls)[0]).toBe('PATCH /api/plugins/plugin-uuid-9');
    expect(lines).toContain('  plugin customerdesk upgraded 0.0.9 → 0.1.0');
    expect(tj.state.plugins).toEqual([expect.objectContaining({ id: 'plugin-uuid-9', version: '0.1.0' })]);
  });

  it('stops with a clear error, before touching data sources or apps, when the marketplace feature is off', async () => {
    const tj = fakeToolJet({ marketplace: false });
    stop = tj.stop;
    const api = await signIn(await tj.start(), { email: 'admin@example.com', password: 'secret' });
    const run = installIntoToolJet(api, plan, () => undefined);
    await expect(run).rejects.toThrow(InstallError);
    await expect(run).rejects.toThrow(/marketplace is off.*ENABLE_MARKETPLACE_FEATURE=true/);
    expect(tj.calls.some((c) => c.path.startsWith('/api/data-sources') || c.path.startsWith('/api/v2'))).toBe(false);
  });

  it('refuses to reuse a data source of the same name but another kind', async () => {
    const tj = fakeToolJet({ marketplace: true });
    stop = tj.stop;
    const api = await signIn(await tj.start(), { email: 'admin@example.com', password: 'secret' });
    tj.state.dataSources.push({ id: 'ds-x', name: 'Customer Desk', kind: 'postgresql' });
    await expect(installIntoToolJet(api, plan, () => undefined)).rejects.toThrow(/already exists with kind postgresql/);
    expect(tj.calls.some((c) => c.path.startsWith('/api/v2'))).toBe(false);
  });

  it('a wrong password and an unreachable server are named', async () => {
    const tj = fakeToolJet({ marketplace: true });
    stop = tj.stop;
    const url = await tj.start();
    await expect(signIn(url, { email: 'admin@example.com', password: 'nope' })).rejects.toThrow('signing in as admin@example.com: HTTP 401 — Invalid credentials');
    await expect(signIn('http://127.0.0.1:1', { email: 'a@b.c', password: 'x' })).rejects.toThrow(/cannot reach ToolJet at http:\/\/127\.0\.0\.1:1/);
  });
});

const cli = (args: string[], env: Record<string, string> = {}) =>
  new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, ['bin/customerdesk.mjs', ...args], { env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('close', (code) => resolve({ code, out, err }));
  });

describe('the customerdesk command', () => {
  it('install runs end to end with progress output, and exits non-zero with the reason when the marketplace is off', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-market-'));
    mkdirSync(join(dir, 'customerdesk'));
    writeFileSync(join(dir, 'customerdesk', 'plugin.json'), JSON.stringify(entry));
    const on = fakeToolJet({ marketplace: true });
    const onUrl = await on.start();
    const env = { TOOLJET_EMAIL: 'admin@example.com', TOOLJET_PASSWORD: 'secret' };
    const ok = await cli(['install', '--tooljet-url', onUrl, '--marketplace', dir, '--data-source', 'Desk East', '--language', 'en'], env);
    await on.stop();
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('2/3 data source "Desk East"');
    expect(ok.out).toContain('app "Ticket board" imported');
    const off = fakeToolJet({ marketplace: false });
    stop = off.stop;
    const failed = await cli(['install', '--tooljet-url', await off.start(), '--marketplace', dir], env);
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/install stopped: the ToolJet marketplace is off on this server: set ENABLE_MARKETPLACE_FEATURE=true/);
  }, 60_000);

  it('every command has --help', async () => {
    for (const args of [[], ['package'], ['apps'], ['apps', 'build'], ['install']]) {
      const r = await cli([...args, '--help']);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.out).toMatch(/^Usage: customerdesk/);
    }
  }, 60_000);
});
