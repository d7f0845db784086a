// `customerdesk install` against a stand-in ToolJet (test/support/tooljet-standin.ts) that validates requests
// with ToolJet's DTOs and, like ToolJet's official image, downloads the plugin's files from
// TOOLJET_MARKETPLACE_URL — here the project's own marketplace-assets server.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApps } from '../plugin/apps/build.js';
import { installIntoToolJet, type CatalogueEntry, type InstallPlan } from '../plugin/cli/install.js';
import { InstallError, signIn } from '../plugin/cli/tooljet-api.js';
import { defaultAssetDir, serveMarketplaceAsset } from '../plugin/marketplace/assets.js';
import { standInToolJet, type Call, type StandInOptions } from './support/tooljet-standin.js';

const entry: CatalogueEntry = { id: 'customerdesk', name: 'Customer Desk', description: 'desk', version: '0.1.0', author: 'team' };
const apps = buildApps();
const plan: InstallPlan = { entry, dataSource: 'Customer Desk', sourceOptions: { connection_string: 'postgres://desk:pw@db/desk', schema: 'desk' }, apps };
const writes = (calls: Call[]) => calls.filter((c) => c.method !== 'GET' && c.path !== '/api/authenticate').map((c) => `${c.method} ${c.path.replace(/[0-9a-f-]{36}/g, '<id>')}`);

const stops: (() => Promise<void>)[] = [];
afterEach(async () => void (await Promise.all(stops.splice(0).map((s) => s()))));

async function marketplace(): Promise<string> {
  const server: Server = createServer((req, res) => void (serveMarketplaceAsset(req, res, { dir: defaultAssetDir }) || res.writeHead(404).end()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  stops.push(() => new Promise<void>((r) => server.close(() => r())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function toolJet(o: StandInOptions = {}) {
  const tj = standInToolJet(o);
  const url = await tj.start();
  stops.push(tj.stop);
  return { tj, url, api: await signIn(url, { email: 'admin@example.com', password: 'secret' }) };
}

describe('customerdesk install (issue 7, issue 13)', () => {
  it('installs on a production ToolJet that fetches the files from the marketplace URL, then the data source in every environment, then the apps', async () => {
    const marketplaceUrl = await marketplace();
    const { tj, api } = await toolJet({ marketplaceUrl });
    const lines: string[] = [];
    await installIntoToolJet(api, { ...plan, marketplaceUrl }, (l) => lines.push(l));
    expect(writes(tj.calls)).toEqual([
      'POST /api/plugins/install',
      'POST /api/data-sources',
      'PUT /api/data-sources/<id>?environment_id=<id>',
      'PUT /api/data-sources/<id>?environment_id=<id>',
      ...apps.map(() => 'POST /api/v2/resources/import'),
    ]);
    expect(JSON.parse(tj.state.plugins[0]!.manifest).source.kind).toBe('customerdesk');
    const ds = tj.state.dataSources[0]!;
    expect(ds).toEqual({ id: expect.any(String), name: 'Customer Desk', kind: 'customerdesk', plugin_id: tj.state.plugins[0]!.id });
    const production = tj.state.environments.find((e) => e.is_default)!;
    expect(tj.calls.find((c) => c.path === '/api/data-sources')?.body?.environment_id).toBe(production.id);
    for (const env of ['development', 'staging', 'production']) {
      expect(tj.optionsIn(ds.id, env), env).toMatchObject({ connection_string: 'postgres://desk:pw@db/desk', schema: 'desk', time_zone: 'Asia/Shanghai' });
    }
    expect(tj.state.apps.map((a) => a.name)).toEqual(apps.map((a) => a.appName));
    expect(tj.state.droppedSources).toBe(0);
    expect(lines).toEqual([
      '1/3 plugin customerdesk 0.1.0',
      expect.stringMatching(/serves the 4 plugin files as packaged/),
      '  plugin customerdesk 0.1.0 installed',
      '2/3 data source "Customer Desk"',
      '  data source "Customer Desk" created, options written to development, staging, production',
      '3/3 8 template apps',
      ...apps.map((a) => `  app "${a.appName}" imported`),
      'done',
    ]);
  });

  it('without writing each environment, the editor (development) would get a blank connection string (the defect)', async () => {
    const { tj, api } = await toolJet({ localPlugins: ['customerdesk'] });
    await api.send('POST', '/api/plugins/install', { id: 'customerdesk', name: 'Customer Desk', description: 'd', version: '0.1.0' });
    const pluginId = tj.state.plugins[0]!.id;
    const made = await api.send('POST', '/api/data-sources', { name: 'x', kind: 'customerdesk', plugin_id: pluginId, options: [{ key: 'connection_string', value: 'postgres://a', encrypted: true }] });
    expect(tj.optionsIn(String((made.body as { id: string }).id), 'development').connection_string).toBe('');
  });

  it('is idempotent: a second run changes nothing and says what is already there', async () => {
    const { tj, api } = await toolJet({ localPlugins: ['customerdesk'] });
    await installIntoToolJet(api, plan, () => undefined);
    const before = tj.calls.length;
    const lines: string[] = [];
    await installIntoToolJet(api, plan, (l) => lines.push(l));
    expect(writes(tj.calls.slice(before))).toEqual([]);
    expect(lines.filter((l) => l.includes('already'))).toHaveLength(2 + apps.length);
  });

  it("upgrades with the body ToolJet's update reads (pluginId); the old body fetched the files of id undefined", async () => {
    const { tj, api } = await toolJet({ localPlugins: ['customerdesk'] });
    tj.state.plugins.push({ id: '0b7e0d5c-1111-4a8e-9a55-0d1c2f3e4a5b', pluginId: 'customerdesk', version: '0.0.9' });
    const old = await api.send('PATCH', '/api/plugins/0b7e0d5c-1111-4a8e-9a55-0d1c2f3e4a5b', { id: 'customerdesk', name: 'Customer Desk', description: 'd', version: '0.1.0' });
    expect(old.status).toBe(500);
    const lines: string[] = [];
    await installIntoToolJet(api, { ...plan, apps: [] }, (l) => lines.push(l));
    const patch = tj.calls.filter((c) => c.method === 'PATCH').at(-1)!;
    expect(patch.body).toMatchObject({ pluginId: 'customerdesk', version: '0.1.0' });
    expect(lines).toContain('  plugin customerdesk upgraded 0.0.9 → 0.1.0');
    expect(tj.state.plugins).toEqual([expect.objectContaining({ pluginId: 'customerdesk', version: '0.1.0' })]);
  });

  it("the stand-in validates like ToolJet's DTOs: unknown keys stripped, a missing required key refused", async () => {
    const { tj, api } = await toolJet({ localPlugins: ['customerdesk'] });
    const refused = await api.send('POST', '/api/plugins/install', { id: 'customerdesk', name: 'Customer Desk', description: 'd' });
    expect(refused).toMatchObject({ status: 400, body: { message: ['version should not be empty', 'version must be a string', 'version must be a Semantic Versioning Specification'] } });
    await api.send('POST', '/api/plugins/install', { id: 'customerdesk', name: 'Customer Desk', description: 'd', version: '0.1.0', colour: 'red' });
    expect(tj.state.plugins[0]).not.toHaveProperty('colour');
    const ds = await api.send('POST', '/api/data-sources', { name: 'x', kind: 'customerdesk', plugin_id: tj.state.plugins[0]!.id, options: [], scope: 'global' });
    expect(ds.status).toBe(201);
    expect(tj.state.dataSources[0]).not.toHaveProperty('scope');
  });

  it('explains an HTTP 500 in terms of TOOLJET_MARKETPLACE_URL, before touching data sources or apps', async () => {
    const unreachable = 'http://127.0.0.1:1';
    const { tj, api } = await toolJet({ marketplaceUrl: unreachable });
    const run = installIntoToolJet(api, plan, () => undefined);
    await expect(run).rejects.toThrow(InstallError);
    await expect(run).rejects.toThrow(
      /installing plugin customerdesk: HTTP 500 — ToolJet could not load the plugin's files.*TOOLJET_MARKETPLACE_URL.*curl -sI \$TOOLJET_MARKETPLACE_URL\/marketplace-assets\/customerdesk\/lib\/manifest\.json/,
    );
    expect(tj.calls.some((c) => c.path.startsWith('/api/data-sources') || c.path.startsWith('/api/v2'))).toBe(false);
  });

  it('checks the marketplace URL it is given before installing, and stops when it does not serve the files', async () => {
    const { tj, api } = await toolJet({ localPlugins: ['customerdesk'] });
    await expect(installIntoToolJet(api, { ...plan, marketplaceUrl: 'http://127.0.0.1:1' }, () => undefined)).rejects.toThrow(
      /http:\/\/127\.0\.0\.1:1\/marketplace-assets\/customerdesk\/dist\/index\.js answered .*ToolJet would answer the install with HTTP 500/,
    );
    expect(writes(tj.calls)).toEqual([]);
  });

  it('a 403 means the signed-in user is not a workspace admin', async () => {
    const { api } = await toolJet({ localPlugins: ['customerdesk'], admin: false });
    await expect(installIntoToolJet(api, plan, () => undefined)).rejects.toThrow(/HTTP 403 — the signed-in user is not an admin of this workspace/);
  });

  it('refuses to reuse a data source of the same name but another kind', async () => {
    const { tj, api } = await toolJet({ localPlugins: ['customerdesk'] });
    tj.state.dataSources.push({ id: 'ds-x', name: 'Customer Desk', kind: 'postgresql' });
    await expect(installIntoToolJet(api, plan, () => undefined)).rejects.toThrow(/already exists with kind postgresql/);
    expect(tj.calls.some((c) => c.path.startsWith('/api/v2'))).toBe(false);
  });

  it('a wrong password and an unreachable server are named', async () => {
    const { url } = await toolJet();
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
  it('install runs end to end with progress output, and exits non-zero naming the cause when the user is not an admin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-market-'));
    mkdirSync(join(dir, 'customerdesk'));
    writeFileSync(join(dir, 'customerdesk', 'plugin.json'), JSON.stringify(entry));
    const env = { TOOLJET_EMAIL: 'admin@example.com', TOOLJET_PASSWORD: 'secret' };
    const { url } = await toolJet({ localPlugins: ['customerdesk'] });
    const ok = await cli(['install', '--tooljet-url', url, '--marketplace', dir, '--data-source', 'Desk East', '--language', 'en'], env);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('2/3 data source "Desk East"');
    expect(ok.out).toContain('app "Ticket board" imported');
    const { url: notAdmin } = await toolJet({ localPlugins: ['customerdesk'], admin: false });
    const failed = await cli(['install', '--tooljet-url', notAdmin, '--marketplace', dir], env);
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/install stopped: installing plugin customerdesk: HTTP 403 — the signed-in user is not an admin of this workspace/);
  }, 60_000);

  it('every command has --help', async () => {
    for (const args of [[], ['package'], ['apps'], ['apps', 'build'], ['install'], ['marketplace', 'serve']]) {
      const r = await cli([...args, '--help']);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.out).toMatch(/^Usage: customerdesk/);
    }
  }, 60_000);
});
