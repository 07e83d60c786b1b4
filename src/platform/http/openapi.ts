/**
 * The OpenAPI 3.1 document is generated from the same Zod schemas the API routes validate with.
 * Areas describe each route once with `describeApi`; /api/openapi.json serves the collection.
 */
import * as z from 'zod';

export interface ApiOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path, e.g. `/api/v1/states/{iso2}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Schema of a successful (200/201) JSON response. */
  response?: z.ZodType;
  responseStatus?: number;
  /** Needs a personal API token (Authorization: Bearer …). */
  auth?: 'none' | 'optional' | 'required';
}

export class ApiRegistry {
  readonly operations: ApiOperation[] = [];
  describe(op: ApiOperation): ApiOperation {
    this.operations.push(op);
    return op;
  }

  document(info: { title: string; version: string; description?: string }) {
    const paths: Record<string, Record<string, unknown>> = {};
    const problem = {
      description: 'Error (RFC 9457 problem details with a stable `code`)',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
    for (const op of this.operations) {
      const parameters: unknown[] = [];
      for (const [where, obj] of [['path', op.params], ['query', op.query]] as const) {
        if (!obj) continue;
        for (const [name, schema] of Object.entries(obj.shape)) {
          const json = z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
          parameters.push({
            name,
            in: where,
            required: where === 'path' || !(schema as z.ZodType).safeParse(undefined).success,
            description: json.description,
            schema: { ...json, $schema: undefined, description: undefined },
          });
        }
      }
      const responses: Record<string, unknown> = {
        [String(op.responseStatus ?? 200)]: {
          description: 'Success',
          ...(op.response ? { content: { 'application/json': { schema: strip(z.toJSONSchema(op.response, { io: 'output', unrepresentable: 'any' })) } } } : {}),
        },
        '400': problem,
        ...(op.auth && op.auth !== 'none' ? { '401': problem, '403': problem } : {}),
        '404': problem,
      };
      paths[op.path] ??= {};
      paths[op.path]![op.method] = {
        operationId: op.operationId,
        summary: op.summary,
        ...(op.description ? { description: op.description } : {}),
        tags: op.tags,
        ...(parameters.length ? { parameters } : {}),
        ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: strip(z.toJSONSchema(op.body, { io: 'input', unrepresentable: 'any' })) } } } } : {}),
        responses,
        ...(op.auth === 'required' ? { security: [{ bearerAuth: [] }] } : op.auth === 'optional' ? { security: [{}, { bearerAuth: [] }] } : {}),
      };
    }
    return {
      openapi: '3.1.0',
      info,
      servers: [{ url: '/' }],
      paths,
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'A personal API token created on your account page.' } },
        schemas: {
          Problem: {
            type: 'object',
            properties: {
              type: { type: 'string' },
              title: { type: 'string' },
              status: { type: 'integer' },
              code: { type: 'string', description: 'Stable machine-readable error code' },
              details: { type: 'object' },
            },
            required: ['title', 'status', 'code'],
          },
        },
      },
    };
  }
}

function strip(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _drop, ...rest } = schema;
  return rest;
}
