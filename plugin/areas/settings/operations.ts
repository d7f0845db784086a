import { z } from 'zod';
import { defineOperation } from '../../core/operation.js';
import { settingsSchema, type Settings } from '../../core/settings.js';
import { deepMerge } from '../../core/merge.js';
import { issuesOf, validationError } from '../../core/coerce.js';

const settingsOut = z.custom<Settings>(() => true).describe('every setting with its current value (see settings schema in docs)');

export default [
  defineOperation({
    name: 'settings.get',
    title: 'Read settings',
    description: 'SLA clocks, office hours, loan terms, callback delays, score rules — defaults from the regulations.',
    access: 'staff',
    kind: 'read',
    input: z.object({}),
    output: settingsOut,
    async handler(ctx) {
      return (await ctx.config()).settings;
    },
  }),
  defineOperation({
    name: 'settings.update',
    title: 'Change settings',
    description: 'Send only what changes, e.g. {"sla": {"replyHours": {"critical": 8}}}. The whole result is validated before saving; a bad value names its path.',
    access: ['admin'],
    kind: 'write',
    input: z.object({ patch: z.record(z.string(), z.unknown()).describe('JSON object with the settings to change') }),
    output: settingsOut,
    async handler(ctx, input) {
      const [row] = await ctx.sql<{ value: Record<string, unknown> }>('settings/stored', { site: ctx.site });
      const before = row?.value ?? {};
      const stored = deepMerge(before, input.patch);
      const parsed = settingsSchema.safeParse(stored);
      if (!parsed.success) {
        throw validationError(issuesOf(parsed.error).map((i) => ({ ...i, path: `patch.${i.path}` })));
      }
      await ctx.sql('settings/save', { site: ctx.site, value: JSON.stringify(stored) });
      ctx.audit({ entity: 'settings', entityId: ctx.site, before, after: stored });
      return parsed.data;
    },
  }),
];
