import { z } from 'zod';
import { coerceValue, issuesOf, validationError } from '../core/coerce.js';

// The data source's options, declared once: manifest.json is generated from this list (gen/manifest.ts)
// and ToolJet's saved values are parsed with it.
interface OptionSpec {
  key: string;
  label: string;
  type: 'text' | 'password' | 'toggle';
  description: string;
  /** Example shown inside an empty field; default: the default value. */
  placeholder?: string;
  default?: string | boolean;
  encrypted?: boolean;
}

export const sourceOptionSpecs: readonly OptionSpec[] = [
  {
    key: 'connection_string',
    label: 'Connection string',
    type: 'password',
    encrypted: true,
    placeholder: 'postgres://user:password@host:5432/database',
    description: 'postgres://user:password@host:5432/database — leave empty to use the fields below',
  },
  { key: 'host', label: 'Host', type: 'text', default: 'localhost', description: 'PostgreSQL server host' },
  { key: 'port', label: 'Port', type: 'text', default: '5432', description: 'PostgreSQL server port' },
  { key: 'database', label: 'Database', type: 'text', default: 'postgres', description: 'Database name' },
  { key: 'username', label: 'Username', type: 'text', default: 'postgres', description: 'Database user' },
  { key: 'password', label: 'Password', type: 'password', encrypted: true, description: 'Database password' },
  { key: 'ssl_enabled', label: 'SSL', type: 'toggle', default: false, description: 'Connect with TLS' },
  {
    key: 'schema',
    label: 'Schema',
    type: 'text',
    default: 'customerdesk',
    description: 'Database schema for all Customer Desk tables; several data sources can share one database with different schemas',
  },
  { key: 'site', label: 'Site (管理处)', type: 'text', default: 'main', description: 'The property this data source serves; every record is keyed by it' },
  { key: 'time_zone', label: 'Time zone', type: 'text', default: 'Asia/Shanghai', description: 'IANA time zone for office hours, local dates and ticket numbers' },
  {
    key: 'trust_actor_field',
    label: 'Trust actor field',
    type: 'toggle',
    default: false,
    description: 'Accept an "actor" field in queries (staff id or email) instead of the ToolJet user (R-ACT-1). Leave off unless every app sets it from a trusted value.',
  },
  {
    key: 'webhook_url',
    label: 'Webhook URL',
    type: 'text',
    default: '',
    placeholder: 'https://example.com/hooks/customerdesk',
    description: 'Notifications (assigned, deadline near/missed, overdue loans, callbacks due) are POSTed here as signed JSON',
  },
  { key: 'webhook_secret', label: 'Webhook secret', type: 'password', encrypted: true, description: 'HMAC-SHA256 key for the X-CustomerDesk-Signature header' },
];

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
  connection_string: z.string().optional(),
  host: z.string().default('localhost'),
  port: z.number().int().min(1).max(65535).default(5432),
  database: z.string().default('postgres'),
  username: z.string().default('postgres'),
  password: z.string().optional(),
  ssl_enabled: z.boolean().default(false),
  schema: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case SQL identifier')
    .default('customerdesk'),
  site: z.string().min(1).max(40).default('main'),
  time_zone: zoneName.default('Asia/Shanghai'),
  trust_actor_field: z.boolean().default(false),
  webhook_url: z.url().optional(),
  webhook_secret: z.string().optional(),
});

export type SourceOptions = z.output<typeof schema>;

const jsonSchema = z.toJSONSchema(schema, { io: 'input' }) as Parameters<typeof coerceValue>[1];

/** ToolJet stores option values as text; the same coercion as query fields applies. */
export function parseSourceOptions(raw: unknown): SourceOptions {
  const result = schema.safeParse(coerceValue(raw ?? {}, jsonSchema));
  if (!result.success) throw validationError(issuesOf(result.error));
  return result.data;
}
