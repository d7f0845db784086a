import { z } from 'zod';
import { coerceValue, issuesOf, validationError } from '../core/coerce.js';

// The data source's options, declared once: each zod field carries its form (label, type, help) in the
// `form` registry; ToolJet's saved values are parsed with the object, and manifest.json, the app export's
// defaults and the installer read the derived list `sourceOptionSpecs` (gen/manifest.ts).
interface OptionForm {
  label: string;
  type: 'text' | 'password' | 'toggle';
  description: string;
  /** Example shown inside an empty field; default: the default value. */
  placeholder?: string;
  encrypted?: boolean;
}

const form = z.registry<OptionForm>();

// Options are parsed on every run(); building an Intl.DateTimeFormat costs ~0.2 ms, so a zone is checked once.
const knownZones = new Set<string>();
const zoneName = z.string().refine((zone) => {
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    return false;
  }
  knownZones.add(zone);
  return true;
}, 'an IANA time zone such as Asia/Shanghai');

const schema = z.object({
  connection_string: z.string().optional().register(form, {
    label: 'Connection string',
    type: 'password',
    encrypted: true,
    placeholder: 'postgres://user:password@host:5432/database',
    description: 'postgres://user:password@host:5432/database — leave empty to use the fields below',
  }),
  host: z.string().default('localhost').register(form, { label: 'Host', type: 'text', description: 'PostgreSQL server host' }),
  port: z.number().int().min(1).max(65535).default(5432).register(form, { label: 'Port', type: 'text', description: 'PostgreSQL server port' }),
  database: z.string().default('postgres').register(form, { label: 'Database', type: 'text', description: 'Database name' }),
  username: z.string().default('postgres').register(form, { label: 'Username', type: 'text', description: 'Database user' }),
  password: z.string().optional().register(form, { label: 'Password', type: 'password', encrypted: true, description: 'Database password' }),
  ssl_enabled: z.boolean().default(false).register(form, { label: 'SSL', type: 'toggle', description: 'Connect with TLS' }),
  schema: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case SQL identifier')
    .default('customerdesk')
    .register(form, {
      label: 'Schema',
      type: 'text',
      description: 'Database schema for all Customer Desk tables; several data sources can share one database with different schemas',
    }),
  site: z.string().min(1).max(40).default('main').register(form, { label: 'Site (管理处)', type: 'text', description: 'The property this data source serves; every record is keyed by it' }),
  time_zone: zoneName.default('Asia/Shanghai').register(form, { label: 'Time zone', type: 'text', description: 'IANA time zone for office hours, local dates and ticket numbers' }),
  trust_actor_field: z.boolean().default(false).register(form, {
    label: 'Trust actor field',
    type: 'toggle',
    description: 'Accept an "actor" field in queries (staff id or email) instead of the ToolJet user (R-ACT-1). Leave off unless every app sets it from a trusted value.',
  }),
  webhook_url: z.url().optional().register(form, {
    label: 'Webhook URL',
    type: 'text',
    placeholder: 'https://example.com/hooks/customerdesk',
    description: 'Notifications (assigned, deadline near/missed, overdue loans, callbacks due) are POSTed here as signed JSON',
  }),
  webhook_secret: z.string().optional().register(form, { label: 'Webhook secret', type: 'password', encrypted: true, description: 'HMAC-SHA256 key for the X-CustomerDesk-Signature header' }),
});

export type SourceOptions = z.output<typeof schema>;

const jsonSchema = z.toJSONSchema(schema, { io: 'input' }) as Parameters<typeof coerceValue>[1];

interface OptionSpec extends OptionForm {
  key: string;
  /** What a new data source's form starts with: ToolJet keeps text fields as text. */
  default?: string | boolean;
}

// A plain field without a parser default starts empty (the parser reads '' as absent); a secret has no default.
function formDefault(key: string, spec: OptionForm): string | boolean | undefined {
  const value = jsonSchema?.properties?.[key]?.default;
  if (typeof value === 'boolean') return value;
  if (value !== undefined) return String(value);
  return spec.encrypted ? undefined : '';
}

export const sourceOptionSpecs: readonly OptionSpec[] = Object.entries(schema.shape).map(([key, field]) => {
  const spec = form.get(field);
  if (!spec) throw new Error(`source option ${key} has no form entry`);
  return { key, ...spec, default: formDefault(key, spec) };
});

// ToolJet hands over the same options, resolved afresh, with every query: parsing them (~80 µs) once per
// distinct text keeps that off each call. The parsed object is frozen, as it is shared between calls.
const parsed = new Map<string, Readonly<SourceOptions>>();

/** ToolJet stores option values as text; the same coercion as query fields applies. */
export function parseSourceOptions(raw: unknown): Readonly<SourceOptions> {
  const text = JSON.stringify(raw ?? {});
  const known = parsed.get(text);
  if (known) return known;
  const result = schema.safeParse(coerceValue(raw ?? {}, jsonSchema));
  if (!result.success) throw validationError(issuesOf(result.error));
  if (parsed.size >= 32) parsed.clear();
  const options = Object.freeze(result.data);
  parsed.set(text, options);
  return options;
}
