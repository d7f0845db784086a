import { errorCodes } from '../core/errors.js';
import { httpStatus } from '../core/http-status.js';
import type { AnyOperation } from '../core/operation.js';
import { areaOf } from '../core/operation.js';
import { describeAccess } from '../core/roles.js';
import { inputSchema, outputSchema, stripSchemaKey } from './json-schema.js';
import { plugin } from './manifest.js';
import { version } from '../version.js';

const errorBody = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'issues'],
      properties: {
        code: { type: 'string', enum: [...errorCodes] },
        message: { type: 'string' },
        issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
      },
    },
  },
};

/** OpenAPI 3.1 of the local HTTP service (usable from ToolJet Cloud's OpenAPI data source). */
export function openApi(ops: readonly AnyOperation[]): Record<string, unknown> {
  const errorResponses = Object.fromEntries(
    [...new Set(Object.values(httpStatus))].map((status) => [
      String(status),
      {
        description: errorCodes.filter((c) => httpStatus[c] === status).join(', '),
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    ]),
  );
  const paths = Object.fromEntries(
    ops.map((op) => [
      `/api/operations/${op.name}`,
      {
        post: {
          operationId: op.name,
          summary: op.title,
          description: `${op.description ?? op.title}\n\nWho may run it: ${describeAccess(op.access)}.`,
          tags: [areaOf(op)],
          requestBody: { required: true, content: { 'application/json': { schema: stripSchemaKey(inputSchema(op)) } } },
          responses: {
            '200': { description: 'the result', content: { 'application/json': { schema: stripSchemaKey(outputSchema(op)) } } },
            ...errorResponses,
          },
        },
      },
    ]),
  );
  return {
    openapi: '3.1.0',
    info: { title: `${plugin.name} API`, version, description: `${plugin.description} Generated from the operation registry — do not edit.` },
    servers: [{ url: 'http://localhost:4100' }],
    security: [{ apiKey: [] }],
    paths,
    components: {
      securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } },
      schemas: { Error: errorBody },
    },
  };
}
