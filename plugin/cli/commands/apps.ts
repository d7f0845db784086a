import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { buildApps } from '../../apps/build.js';
import { defaultParams, type AppParams, type Language } from '../../apps/builder.js';
import { validateAppExport } from '../../apps/validate/index.js';

export interface AppsOptions {
  department: string;
  dataSource: string;
  language: Language;
}

const language = (value: string): Language => {
  if (value !== 'zh' && value !== 'en') throw new InvalidArgumentError('zh (bilingual) or en');
  return value;
};

/** The options every command that builds apps shares. */
export function withAppOptions(command: Command): Command {
  return command
    .option('--department <code>', 'department code the department-facing screens use', defaultParams.department)
    .option('--data-source <name>', 'name of the Customer Desk data source in ToolJet', defaultParams.dataSource)
    .option('--language <zh|en>', 'zh: Chinese and English labels; en: English only', language, defaultParams.language);
}

export const paramsOf = (o: AppsOptions): AppParams => ({ department: o.department, dataSource: o.dataSource, language: o.language });

/** `customerdesk apps build`: the template apps as ToolJet import files. */
export function register(program: Command): void {
  const apps = program.command('apps').description('Template apps for ToolJet');
  withAppOptions(apps.command('build').description('Write the template apps as ToolJet import files (one JSON per app)'))
    .option('--out <dir>', 'output folder', 'templates/apps')
    .action((o: AppsOptions & { out: string }) => {
      const built = buildApps(paramsOf(o));
      mkdirSync(o.out, { recursive: true });
      for (const [i, app] of built.entries()) {
        const problems = validateAppExport(app.export);
        if (problems.length) {
          for (const p of problems) console.error(`  ${p.path}: ${p.message}`);
          program.error(`${app.file} does not pass the import-format check`, { exitCode: 1 });
        }
        writeFileSync(join(o.out, app.file), `${JSON.stringify(app.export, null, 2)}\n`);
        console.log(`[${i + 1}/${built.length}] ${join(o.out, app.file)}  ${app.appName}`);
      }
      console.log(`done: import them in ToolJet (Dashboard → Import) after the plugin and the "${o.dataSource}" data source exist, or run "customerdesk install".`);
    });
}
