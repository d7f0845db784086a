// Builds the template apps for one set of parameters, as ToolJet import files.
import { AppBuilder, defaultParams, type AppParams } from './builder.js';
import { templateApps } from './catalogue/index.js';
import type { AppExport } from './types.js';

export interface BuiltApp {
  key: string;
  /** File name in the output folder, e.g. `front-desk.json`. */
  file: string;
  appName: string;
  export: AppExport;
}

export function buildApps(params: AppParams = defaultParams): BuiltApp[] {
  return templateApps.map((t) => {
    const builder = new AppBuilder(t.key, params);
    t.build(builder);
    const appName = builder.t(t.zh, t.en);
    return { key: t.key, file: `${t.key}.json`, appName, export: builder.build(appName) };
  });
}

/** File name → file text (stable formatting, trailing newline), what `customerdesk apps build` writes. */
export function appFiles(params: AppParams = defaultParams): Record<string, string> {
  return Object.fromEntries(buildApps(params).map((a) => [a.file, `${JSON.stringify(a.export, null, 2)}\n`]));
}
