import { z } from 'zod';
import { defineOperation } from '../../core/operation.js';
import { latestSchemaVersion } from '../../db/migrate.js';
import { version } from '../../version.js';

export default [
  defineOperation({
    name: 'system.info',
    title: 'System information',
    description: 'Plugin version, database schema version, and counts of staff, departments and pending notifications (none of history, so it costs the same at any size). Never shows secrets.',
    access: 'public',
    kind: 'read',
    input: z.object({}),
    output: z.object({
      product: z.literal('Customer Desk'),
      version: z.string(),
      schemaVersion: z.number(),
      latestSchemaVersion: z.number(),
      site: z.string(),
      timeZone: z.string(),
      actor: z.object({ id: z.number(), name: z.string(), roles: z.array(z.string()) }).nullable(),
      counts: z.record(z.string(), z.number()),
    }),
    async handler(ctx) {
      const [row] = await ctx.sql<{ schemaVersion: number } & Record<string, number>>('system/info', { site: ctx.site });
      const { schemaVersion, ...counts } = row ?? { schemaVersion: 0 };
      return {
        product: 'Customer Desk' as const,
        version,
        schemaVersion,
        latestSchemaVersion,
        site: ctx.site,
        timeZone: ctx.zone,
        actor: ctx.actor.id ? { id: ctx.actor.id, name: ctx.actor.name, roles: ctx.actor.roles } : null,
        counts,
      };
    },
  }),
];
