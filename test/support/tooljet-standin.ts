// A stand-in ToolJet server for `customerdesk install`: the endpoints it calls with ToolJet's request and
// response shapes, its DTO validation (tooljet-dto.ts), its permission rule (install/update need a workspace
// admin: server/src/modules/plugins/ability/index.ts) and what its services do:
// - plugins service install/update (server/src/modules/plugins/service.ts): install refuses an installed id
//   (400); update fetches the files of `body.pluginId`; the util service's fetchPluginFilesFromS3 downloads
//   the four files from TOOLJET_MARKETPLACE_URL in production (any non-200 → 500) or reads a local folder;
// - data sources (server/src/modules/data-sources/util.service.ts create): the options go to the given
//   environment (default: the default one) and are copied to the others with encrypted values blanked;
//   PUT /api/data-sources/:id?environment_id= writes one environment's options;
// - import drops a data source whose plugin is not installed, with its queries, without a word.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dtos, validate, type Dto } from './tooljet-dto.js';

type Obj = Record<string, any>;
export interface Call {
  method: string;
  path: string;
  body: Obj | null;
}

export interface StandInOptions {
  /** Production: where fetchPluginFilesFromS3 downloads from. Otherwise the plugin ids in the local folder. */
  marketplaceUrl?: string;
  localPlugins?: readonly string[];
  /** The signed-in user is a workspace admin (default true). */
  admin?: boolean;
}

export const org = '5b0c8a2e-7a43-4a8e-9a55-0d1c2f3e4a5b';
const files = ['dist/index.js', 'lib/operations.json', 'lib/icon.svg', 'lib/manifest.json'];

async function fetchPluginFiles(id: unknown, o: StandInOptions): Promise<string[] | null> {
  if (!o.marketplaceUrl) return typeof id === 'string' && (o.localPlugins ?? []).includes(id) ? files.map(() => '{}') : null;
  const responses = await Promise.all(files.map((f) => fetch(`${o.marketplaceUrl}/marketplace-assets/${String(id)}/${f}`).catch(() => null)));
  if (responses.some((r) => !r?.ok)) return null;
  return Promise.all(responses.map(async (r) => new TextDecoder().decode(await r!.arrayBuffer())));
}

export function standInToolJet(o: StandInOptions = {}) {
  const calls: Call[] = [];
  const environments = ['development', 'staging', 'production'].map((name, i) => ({ id: randomUUID(), name, is_default: name === 'production', priority: i + 1 }));
  const state = {
    plugins: [] as Obj[],
    dataSources: [] as Obj[],
    /** data source id → environment id → option key → { value, encrypted } */
    options: new Map<string, Map<string, Obj>>(),
    apps: [] as Obj[],
    droppedSources: 0,
    environments,
  };
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
    const dto = (d: Dto): Obj | null => {
      const checked = validate(d, body);
      if (checked.ok) return checked.value;
      send(400, { statusCode: 400, message: checked.messages, error: 'Bad Request' });
      return null;
    };
    const serverError = () => send(500, { statusCode: 500, message: 'Internal server error' });
    const forbidden = () => send(403, { statusCode: 403, message: 'Forbidden resource', error: 'Forbidden' });
    const route = `${req.method} ${url.pathname}`;
    if (route === 'POST /api/authenticate') {
      if (body?.email !== 'admin@example.com' || body?.password !== 'secret') return send(401, { message: 'Invalid credentials' });
      return send(201, { id: 'u1', email: body.email, current_organization_id: org }, { 'set-cookie': 'tj_auth_token=t0k; Path=/; HttpOnly' });
    }
    if (!String(req.headers.cookie).includes('tj_auth_token=t0k') || req.headers['tj-workspace-id'] !== org) return send(401, { message: 'Unauthorized' });
    const admin = o.admin ?? true;
    if (route === 'GET /api/plugins') return send(200, state.plugins);
    if (route === 'POST /api/plugins/install') {
      if (!admin) return forbidden();
      const b = dto(dtos.CreatePluginDto);
      if (!b) return;
      if (state.plugins.some((p) => p.pluginId === b.id)) return send(400, { statusCode: 400, message: `Plugin '${b.name}' is already installed.` });
      const fetched = await fetchPluginFiles(b.id, o);
      if (!fetched) return serverError();
      const plugin = { id: randomUUID(), pluginId: b.id, name: b.name, description: b.description, version: b.version, repo: b.repo ?? '', manifest: fetched[3] };
      state.plugins.push(plugin);
      return send(201, plugin);
    }
    const patch = /^PATCH \/api\/plugins\/([\w-]+)$/.exec(route);
    if (patch) {
      if (!admin) return forbidden();
      const b = dto(dtos.UpdatePluginDto);
      if (!b) return;
      const plugin = state.plugins.find((p) => p.id === patch[1]);
      const fetched = await fetchPluginFiles(b.pluginId, o);
      if (!plugin || !fetched) return serverError();
      Object.assign(plugin, { repo: b.repo ?? '', version: b.version, manifest: fetched[3] });
      return send(200, plugin);
    }
    if (route === 'GET /api/app-environments') return send(200, { environments });
    if (route === `GET /api/data-sources/${org}`) return send(200, { data_sources: state.dataSources });
    if (route === 'POST /api/data-sources') {
      const b = dto(dtos.CreateDataSourceDto);
      if (!b) return;
      if (b.plugin_id && !state.plugins.some((p) => p.id === b.plugin_id && p.pluginId === b.kind)) return send(400, { message: 'plugin not installed' });
      const target = environments.find((e) => e.id === b.environment_id) ?? environments.find((e) => e.is_default)!;
      const ds = { id: randomUUID(), name: b.name, kind: b.kind, plugin_id: b.plugin_id ?? null };
      const byEnv = new Map<string, Obj>();
      for (const env of environments) {
        const blank = env.id !== target.id;
        byEnv.set(env.id, Object.fromEntries((b.options as Obj[]).map((opt) => [opt.key, { value: opt.encrypted && blank ? '' : opt.value, encrypted: opt.encrypted === true }])));
      }
      state.dataSources.push(ds);
      state.options.set(ds.id, byEnv);
      return send(201, ds);
    }
    const put = /^PUT \/api\/data-sources\/([\w-]+)$/.exec(route);
    if (put) {
      const b = dto(dtos.UpdateDataSourceDto);
      if (!b) return;
      const envId = url.searchParams.get('environment_id') ?? environments.find((e) => e.is_default)!.id;
      const byEnv = state.options.get(put[1]!);
      if (!byEnv?.has(envId)) return send(404, { message: 'not found' });
      byEnv.set(envId, { ...byEnv.get(envId), ...Object.fromEntries(((b.options ?? []) as Obj[]).map((opt) => [opt.key, { value: opt.value, encrypted: opt.encrypted === true }])) });
      return send(200, {});
    }
    if (route === 'GET /api/apps') {
      const key = url.searchParams.get('searchKey') ?? '';
      return send(200, { apps: state.apps.filter((a) => a.name.includes(key)), meta: { total_count: state.apps.length } });
    }
    if (route === 'POST /api/v2/resources/import') {
      if (body?.organization_id !== org || !body?.app?.[0]?.appName) return send(400, { message: 'bad import' });
      const def = body.app[0].definition.appV2;
      for (const ds of def.dataSources) if (!state.plugins.some((p) => p.pluginId === ds.kind)) state.droppedSources++;
      state.apps.push({ id: randomUUID(), name: body.app[0].appName });
      return send(201, { imports: { app: [{ id: state.apps.at(-1)!.id }] } });
    }
    return send(404, { message: `Cannot ${req.method} ${url.pathname}` });
  });
  return {
    calls,
    state,
    /** One environment's saved option values, by key. */
    optionsIn: (dataSourceId: string, environment: string) =>
      Object.fromEntries(Object.entries(state.options.get(dataSourceId)?.get(environments.find((e) => e.name === environment)!.id) ?? {}).map(([k, v]) => [k, (v as Obj).value])),
    async start() {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}
