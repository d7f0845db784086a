import { z } from 'zod';
import type { OpContext } from '../../core/operation.js';
import { coerceValue } from '../../core/coerce.js';
import type { JsonSchema } from '../../core/json-schema.js';
import { notFound, validation } from '../../core/errors.js';
import { formatInstant } from '../../core/json.js';
import { defaultSettings, type Settings } from '../../core/settings.js';
import { builtInTemplate, compileTemplate, inPage, templateNames, type Compiled } from './engine.js';
import { sources, type DocumentSource } from './sources.js';
import { samples } from './samples.js';

/** What the frame of a document needs from the context: the time, zone and who prints it. */
export type Framing = Pick<OpContext, 'now' | 'zone'> & { actor: Pick<OpContext['actor'], 'name'> };

export interface RenderedDocument {
  html: string;
  title: string;
}

export function sourceOf(template: string): DocumentSource {
  const source = templateNames.includes(template) ? sources[template] : undefined;
  if (!source) throw notFound(`document template "${template}" (templates: ${templateNames.join(', ')})`);
  return source;
}

const paramSchemas = new WeakMap<DocumentSource, JsonSchema>();
function paramsSchema(source: DocumentSource): JsonSchema {
  let schema = paramSchemas.get(source);
  if (!schema) {
    schema = z.toJSONSchema(source.params, { io: 'input' }) as JsonSchema;
    paramSchemas.set(source, schema);
  }
  return schema;
}

type Names = Settings['documents'];

/** The header and signature lines every document shares, around its own view model; names from the settings. */
function withFrame(ctx: Framing, source: DocumentSource, view: Record<string, unknown>, number: string, names: Names = defaultSettings.documents) {
  return {
    ...view,
    doc: {
      title: source.title,
      subtitle: view.subtitle ?? null,
      number: number || null,
      printedAt: formatInstant(ctx.now, ctx.zone),
      printedBy: ctx.actor.name,
      propertyName: names.propertyName,
      centreName: names.centreName,
    },
    signers: source.signers,
  };
}

async function templateFor(ctx: OpContext, template: string, departmentId: number | null): Promise<Compiled> {
  const [override] = await ctx.sql<{ source: string }>('documents/override', { site: ctx.site, template, departmentId });
  const compiled = override ? compileTemplate(override.source) : builtInTemplate(template);
  if (!compiled) throw notFound(`document template "${template}"`);
  return compiled;
}

/**
 * R-DOC-1: a printable A4 document. `params` are the template's own (a ticket id, a month …, see
 * documents.listTemplates); the wording is the caller's department's override, else the site-wide
 * one, else the built-in. Used by documents.render and by the HTTP service's GET /documents/<template>.
 */
export async function renderDocument(ctx: OpContext, template: string, params: Record<string, unknown>): Promise<RenderedDocument> {
  const source = sourceOf(template);
  // params arrive as ToolJet and URL query strings send them ("42"); coerce as the runner does for inputs.
  const parsed = source.params.safeParse(coerceValue(params, paramsSchema(source)));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw validation(`params.${issue?.path.join('.') ?? ''}`, issue?.message ?? 'invalid');
  }
  const view = await source.load(ctx, parsed.data);
  const number = typeof view.number === 'string' ? view.number : source.number(parsed.data);
  const title = number ? `${source.title} ${number}` : source.title;
  const { settings } = await ctx.config();
  const body = (await templateFor(ctx, template, ctx.actor.departmentId))(withFrame(ctx, source, view, number, settings.documents), ctx.zone);
  return { html: inPage(title, body, ctx.zone), title };
}

/** Renders a template text against the sample data of its document: how an override is tried before saving. */
export function renderSample(ctx: Framing, template: string, compiled: Compiled, names?: Names): RenderedDocument {
  const source = sourceOf(template);
  const title = `${source.title} (sample)`;
  const body = compiled(withFrame(ctx, source, samples[template] ?? {}, 'SAMPLE', names), ctx.zone);
  return { html: inPage(title, body, ctx.zone), title };
}
