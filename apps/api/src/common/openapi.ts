import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';
import { ErrorBodySchema } from '@app/contracts/errors';
import { RankingResponseSchema, StatementResponseSchema } from '@app/contracts/scores';
import { OfficeSettingsResponseSchema, ParentStatementResponseSchema } from '@app/contracts/offices';

/**
 * Response schemas published under components/schemas, each from the zod schema in
 * libs/contracts that also gives the TypeScript type: one source for the server, the web app
 * and a client generated from /api/docs-json.
 */
const COMPONENTS = {
  ErrorBody: ErrorBodySchema,
  RankingResponse: RankingResponseSchema,
  StatementResponse: StatementResponseSchema,
  OfficeSettingsResponse: OfficeSettingsResponseSchema,
  ParentStatementResponse: ParentStatementResponseSchema,
} satisfies Record<string, z.ZodType>;

export type ComponentName = keyof typeof COMPONENTS;

/** A `$ref` to a published contract, for `@ApiOkResponse({ schema: contractRef('RankingResponse') })`. */
export function contractRef(name: ComponentName): { $ref: string } {
  return { $ref: `#/components/schemas/${name}` };
}

function toOpenApiSchema(schema: z.ZodType): SchemaObject {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { target: 'openapi-3.0' }) as Record<string, unknown>;
  return json as SchemaObject;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

/**
 * The OpenAPI document served at /api/docs-json: the contracts as components, and on every
 * operation the error body (`default`), since every route answers errors the same way.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder().setTitle('pubscore 宣传信息计分系统 API').setVersion('0.1.0').addBearerAuth().addCookieAuth('pubscore_session').build();
  const document = SwaggerModule.createDocument(app, config);
  const schemas = (document.components ??= {}).schemas ??= {};
  for (const [name, schema] of Object.entries(COMPONENTS)) schemas[name] = toOpenApiSchema(schema);
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      operation.responses.default ??= { description: '错误（statusCode, code, message, errors）', content: { 'application/json': { schema: contractRef('ErrorBody') } } };
    }
  }
  return document;
}
