// ToolJet's three CommonJS loader forms for a marketplace plugin, as its server has had them, each evaluating
// the bundle's text afresh and calling `new module.exports.default()` — for EVERY query, since ToolJet caches
// only the decoded text (repository ToolJet/ToolJet, findMarketplacePluginService):
//  1. server/src/modules/data-sources/services/plugin-selector.service.ts @ dea4e4a691dc5607682716bed2ff737632a15cf2
//     and server/src/helpers/plugins.helper.ts @ 6d46b5312d95ef0702b36b74797fd9954323e60c:
//     `requireFromString(decoded, { useCurrentGlobal: true })` (module-from-string ^3.3.0, server/package.json);
//  2. plugin-selector.service.ts, stored version with `import { runInNewContext } from 'vm'` (index id 46215204882):
//     `runInNewContext(decoded, sandbox)` with a bare sandbox of 13 names;
//  3. plugin-selector.service.ts, newest form (index id 41984384330): `runInNewContext(decoded,
//     createContext({ ...global, ...named globals }))`.
// (One stored version, 59fda81b5ff3f4901d059fb96bcaca1db7eb656a, tries `await import('data:text/javascript,…')`
// with form 1 commented out; a CommonJS bundle cannot load that way, see docs in /work/notes/issue-12.md.)
// One deliberate difference: ToolJet passes its own `require`; here `require` answers only Node built-ins and
// records what was asked, so a test proves the bundle needs nothing from ToolJet's node_modules.
import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { createContext, runInNewContext } from 'node:vm';

export type LoaderForm = 1 | 2 | 3;
export const loaderForms: readonly LoaderForm[] = [1, 2, 3];

export interface PluginService {
  // What the plugin answers is each operation's own shape ({ status, data }); tests read it field by field.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  run(sourceOptions: unknown, queryOptions: Record<string, unknown>, id?: string, updatedAt?: string | Date, context?: unknown): Promise<any>;
  testConnection(sourceOptions: unknown): Promise<{ status: string; message?: string }>;
}

interface PluginModule {
  default: new () => PluginService;
}

const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const hostRequire = createRequire(import.meta.url);

/** Modules the bundle asked `require` for, across every evaluation in this process (forms 2 and 3). */
export const requiredModules = new Set<string>();

const sandboxRequire = Object.assign(
  (id: string): unknown => {
    requiredModules.add(id);
    if (!builtins.has(id)) throw new Error(`the bundle required "${id}", which ToolJet's server cannot provide`);
    return hostRequire(id);
  },
  { resolve: hostRequire.resolve, cache: hostRequire.cache, main: hostRequire.main, extensions: hostRequire.extensions },
);

function form1(decoded: string): PluginModule {
  // Loaded on first use: a worktree that has not installed this dev dependency yet still runs forms 2 and 3.
  const { requireFromString } = hostRequire('module-from-string') as typeof import('module-from-string');
  return requireFromString(decoded, { useCurrentGlobal: true }) as PluginModule;
}

/** Sees the context object an evaluation ran in (forms 2 and 3), e.g. to prove it can be collected afterwards. */
export type ContextWatcher = (context: object) => void;

function form2(decoded: string, watch?: ContextWatcher): PluginModule {
  const moduleWrapper = { exports: {} as PluginModule };
  const sandbox = {
    module: moduleWrapper,
    exports: moduleWrapper.exports,
    require: sandboxRequire,
    console: console,
    process: process,
    Buffer: Buffer,
    setTimeout: setTimeout,
    clearTimeout: clearTimeout,
    setInterval: setInterval,
    clearInterval: clearInterval,
    __dirname: process.cwd(),
    __filename: import.meta.filename,
    global: global,
  };
  runInNewContext(decoded, sandbox);
  watch?.(sandbox);
  return sandbox.module.exports;
}

function form3(decoded: string, watch?: ContextWatcher): PluginModule {
  const moduleWrapper = { exports: {} as PluginModule };
  const sandbox = createContext({
    ...global,
    module: moduleWrapper,
    exports: moduleWrapper.exports,
    require: sandboxRequire,
    process: process,
    console: console,
    Buffer: Buffer,
    setTimeout: setTimeout,
    clearTimeout: clearTimeout,
    setInterval: setInterval,
    clearInterval: clearInterval,
    setImmediate: setImmediate,
    clearImmediate: clearImmediate,
    TextEncoder: TextEncoder,
    TextDecoder: TextDecoder,
    atob: globalThis.atob,
    btoa: globalThis.btoa,
    URL: URL,
    URLSearchParams: URLSearchParams,
    fetch: globalThis.fetch,
    Headers: globalThis.Headers,
    Request: globalThis.Request,
    Response: globalThis.Response,
    FormData: globalThis.FormData,
    crypto: globalThis.crypto,
    ReadableStream: globalThis.ReadableStream,
    WritableStream: globalThis.WritableStream,
    TransformStream: globalThis.TransformStream,
    performance: globalThis.performance,
    Event: globalThis.Event,
    EventTarget: globalThis.EventTarget,
    AbortController: globalThis.AbortController,
    AbortSignal: globalThis.AbortSignal,
    Blob: globalThis.Blob,
    File: globalThis.File,
    structuredClone: globalThis.structuredClone,
    WebAssembly: globalThis.WebAssembly,
    Intl: Intl,
    Promise: Promise,
    ArrayBuffer: ArrayBuffer,
    SharedArrayBuffer: SharedArrayBuffer,
    Int8Array: Int8Array,
    Uint8Array: Uint8Array,
    Uint8ClampedArray: Uint8ClampedArray,
    Int16Array: Int16Array,
    Uint16Array: Uint16Array,
    Int32Array: Int32Array,
    Uint32Array: Uint32Array,
    Float32Array: Float32Array,
    Float64Array: Float64Array,
    BigInt64Array: BigInt64Array,
    BigUint64Array: BigUint64Array,
    DataView: DataView,
    Map: Map,
    Set: Set,
    WeakMap: WeakMap,
    WeakSet: WeakSet,
    Error: Error,
    EvalError: EvalError,
    RangeError: RangeError,
    ReferenceError: ReferenceError,
    SyntaxError: SyntaxError,
    TypeError: TypeError,
    URIError: URIError,
    JSON: JSON,
    Math: Math,
    Reflect: Reflect,
    Proxy: Proxy,
    NaN: NaN,
    Infinity: Infinity,
    undefined: undefined,
    parseInt: parseInt,
    parseFloat: parseFloat,
    isNaN: Number.isNaN,
    isFinite: Number.isFinite,
    decodeURI: decodeURI,
    decodeURIComponent: decodeURIComponent,
    encodeURI: encodeURI,
    encodeURIComponent: encodeURIComponent,
    __dirname: process.cwd(),
    __filename: import.meta.filename || '',
    global: global,
  }) as { module: { exports: PluginModule } };
  runInNewContext(decoded, sandbox);
  watch?.(sandbox);
  return sandbox.module.exports;
}

const forms: Record<LoaderForm, (decoded: string, watch?: ContextWatcher) => PluginModule> = { 1: form1, 2: form2, 3: form3 };

/** One evaluation of the bundle's text under `form`, then `new module.exports.default()` — ToolJet's getService. */
export function evaluatePlugin(decoded: string, form: LoaderForm, watch?: ContextWatcher): PluginService {
  const code = forms[form](decoded, watch);
  return new code.default();
}

const texts = new Map<string, string>();
/** ToolJet keeps the decoded text of each plugin in memory (`this.plugins[pluginId]`), nothing more. */
export function bundleText(path = 'dist/index.js'): string {
  let text = texts.get(path);
  if (text === undefined) texts.set(path, (text = readFileSync(path, 'utf8')));
  return text;
}

/**
 * The plugin as ToolJet's server calls it: every run() and testConnection() first evaluates the bundle afresh
 * under `form` (default: the newest, 3) and constructs a new service object.
 */
export function toolJetPlugin(options: { form?: LoaderForm; path?: string } = {}): PluginService {
  const service = () => evaluatePlugin(bundleText(options.path), options.form ?? 3);
  return {
    run: (sourceOptions, queryOptions, id, updatedAt, context) => service().run(sourceOptions, queryOptions, id, updatedAt, context),
    testConnection: (sourceOptions) => service().testConnection(sourceOptions),
  };
}
