// ToolJet's request DTOs and its global ValidationPipe({ whitelist: true, transform: true })
// (server/src/main.ts), as the stand-in server applies them: keys without a decorator are stripped, a missing
// or malformed required key is refused with 400 and class-validator's messages.
// DTOs: server/src/modules/plugins/dto/index.ts, server/src/modules/data-sources/dto/index.ts.

type Rule = 'string' | 'notEmpty' | 'optional' | 'uuid' | 'semver' | 'defined';
export type Dto = Record<string, readonly Rule[]>;

const createPlugin: Dto = {
  name: ['string', 'notEmpty'],
  repo: ['string', 'optional'],
  description: ['string', 'notEmpty'],
  id: ['string', 'notEmpty'],
  version: ['string', 'notEmpty', 'semver'],
  organizationId: ['uuid', 'optional'],
};
/** PartialType(CreatePluginDto) + pluginId: every key optional. */
const partial = (dto: Dto): Dto => Object.fromEntries(Object.entries(dto).map(([k, rules]) => [k, [...rules.filter((r) => r !== 'notEmpty' && r !== 'defined'), 'optional']]));
const createDataSource: Dto = {
  plugin_id: ['uuid', 'optional'],
  kind: ['string', 'notEmpty'],
  name: ['string', 'notEmpty'],
  options: ['defined'],
  environment_id: ['uuid', 'optional'],
};

export const dtos = {
  CreatePluginDto: createPlugin,
  UpdatePluginDto: { ...partial(createPlugin), pluginId: ['string', 'optional'] } as Dto,
  CreateDataSourceDto: createDataSource,
  UpdateDataSourceDto: partial(createDataSource),
};

const semver = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[\da-z-]+(?:\.[\da-z-]+)*)?(?:\+[\da-z-]+(?:\.[\da-z-]+)*)?$/i;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The whitelisted body, or class-validator's messages. */
export function validate(dto: Dto, body: unknown): { ok: true; value: Record<string, unknown> } | { ok: false; messages: string[] } {
  const input = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const messages: string[] = [];
  const value: Record<string, unknown> = {};
  for (const [key, rules] of Object.entries(dto)) {
    const v = input[key];
    if (v === undefined || v === null) {
      if (rules.includes('optional')) continue;
      if (rules.includes('defined')) messages.push(`${key} should not be null or undefined`);
    }
    if (rules.includes('notEmpty') && (v === undefined || v === null || v === '')) messages.push(`${key} should not be empty`);
    if (rules.includes('string') && typeof v !== 'string') messages.push(`${key} must be a string`);
    if (rules.includes('uuid') && !(typeof v === 'string' && uuid.test(v))) messages.push(`${key} must be a UUID`);
    if (rules.includes('semver') && !(typeof v === 'string' && semver.test(v))) messages.push(`${key} must be a Semantic Versioning Specification`);
    if (v !== undefined) value[key] = v;
  }
  return messages.length ? { ok: false, messages } : { ok: true, value };
}
