import type { INestApplication } from '@nestjs/common';
import { ApiExtension, DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';
import * as articles from '@app/contracts/articles';
import * as auditEntry from '@app/contracts/audit-entry';
import * as commissions from '@app/contracts/commissions';
import * as errors from '@app/contracts/errors';
import * as imports from '@app/contracts/imports';
import * as monthlyReports from '@app/contracts/monthly-reports';
import * as notices from '@app/contracts/notices';
import * as offices from '@app/contracts/offices';
import * as preview from '@app/contracts/preview';
import * as publication from '@app/contracts/publication';
import * as reference from '@app/contracts/reference';
import * as responses from '@app/contracts/responses';
import * as review from '@app/contracts/review';
import * as schemes from '@app/contracts/schemes';
import * as scores from '@app/contracts/scores';
import * as users from '@app/contracts/users';
import { documentParameters, operationId } from './openapi-query';

type SchemaName<M> = { [K in keyof M & string]: K extends `${infer N}Schema` ? (M[K] extends z.ZodType ? N : never) : never }[keyof M & string];
/** Every `XSchema` exported by libs/contracts, published as component `X`. */
export type ComponentName =
  | SchemaName<typeof articles> | SchemaName<typeof auditEntry> | SchemaName<typeof commissions> | SchemaName<typeof errors>
  | SchemaName<typeof imports> | SchemaName<typeof monthlyReports> | SchemaName<typeof notices> | SchemaName<typeof offices>
  | SchemaName<typeof preview> | SchemaName<typeof publication> | SchemaName<typeof reference> | SchemaName<typeof responses>
  | SchemaName<typeof review> | SchemaName<typeof schemes> | SchemaName<typeof scores> | SchemaName<typeof users>;

/**
 * Response schemas published under components/schemas, each from the zod schema in
 * libs/contracts that also gives the TypeScript type: one source for the server, the web app
 * and a client generated from /api/docs-json. Every `XSchema` a contract file exports is
 * component `X`, so a new contract is published by exporting it.
 */
export const COMPONENTS: ReadonlyMap<string, z.ZodType> = new Map(
  [articles, auditEntry, commissions, errors, imports, monthlyReports, notices, offices, preview, publication, reference, responses, review, schemes, scores, users].flatMap(
    (module) => Object.entries(module).flatMap(([key, value]) => (key.endsWith('Schema') && value instanceof z.ZodType ? [[key.slice(0, -'Schema'.length), value] as const] : [])),
  ),
);

const PAGE = 'Page';

/** The zod schema behind a component name (`XPage` is a page of `X`), for tests that check real answers against the document. */
export function contractSchema(name: string): z.ZodType {
  const direct = COMPONENTS.get(name);
  if (direct) return direct;
  const item = name.endsWith(PAGE) ? COMPONENTS.get(name.slice(0, -PAGE.length)) : undefined;
  if (!item) throw new Error(`no contract named ${name}`);
  return responses.pageSchema(item);
}

/** A `$ref` to a published contract. */
export function contractRef(name: ComponentName | `${ComponentName}${typeof PAGE}`): { $ref: string } {
  return { $ref: `#/components/schemas/${name}` };
}

type Answer =
  | { shape: Shape; name: ComponentName }
  | { shape: 'none' }
  | { shape: 'file'; contentTypes: string[] };

const ANSWER = 'x-answer';

type Contracts = typeof articles & typeof auditEntry & typeof commissions & typeof errors & typeof imports & typeof monthlyReports & typeof notices & typeof offices &
  typeof preview & typeof publication & typeof reference & typeof responses & typeof review & typeof schemes & typeof scores & typeof users;
type Shape = 'one' | 'list' | 'page';
/** What a route declared with `ApiAnswer(name, shape)` must return: the contract's type, an array or a page of it. */
export type Answered<N extends ComponentName, S extends Shape> = S extends 'page'
  ? responses.Page<z.output<Contracts[`${N}Schema`]>>
  : S extends 'list'
    ? z.output<Contracts[`${N}Schema`]>[]
    : z.output<Contracts[`${N}Schema`]>;

/**
 * Declares an operation's success answer from the contracts; the status is the route's own
 * (201 for a POST, or its @HttpCode), filled in when the document is built.
 * `@ApiAnswer('UnitResponse', 'page')` answers a page of units, `'list'` an array. The method
 * must return that type, so the document cannot promise what the route does not send.
 */
export function ApiAnswer<N extends ComponentName, S extends Shape = 'one'>(name: N, shape: S = 'one' as S) {
  const declare = ApiExtension(ANSWER, { shape, name } satisfies Answer);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any parameters: the check is on the return type
  return <F extends (...args: any[]) => Answered<N, S> | Promise<Answered<N, S>>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<F>) => {
    declare(target, key, descriptor);
  };
}
/**
 * The route writes an answer serialised ahead (through `@Res()`), so its method returns nothing
 * to check here; the service that serialises it types the value against the contract
 * (ScoresService.rankingBody → assemble(): RankingResponse).
 */
export const ApiAnswerSent = <N extends ComponentName>(name: N) => ApiExtension(ANSWER, { shape: 'one', name } satisfies Answer);
/** The route answers 204 with no body. */
export const ApiNoContent = () => ApiExtension(ANSWER, { shape: 'none' } satisfies Answer);
/** The route answers a file of one of these content types (binary). */
export const ApiFile = (...contentTypes: string[]) => ApiExtension(ANSWER, { shape: 'file', contentTypes } satisfies Answer);

function answerContent(answer: Answer, pages: Set<string>): Record<string, { schema: SchemaObject | { $ref: string } }> | undefined {
  switch (answer.shape) {
    case 'none':
      return undefined;
    case 'file':
      return Object.fromEntries(answer.contentTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]));
    case 'page':
      pages.add(answer.name);
      return { 'application/json': { schema: contractRef(`${answer.name}${PAGE}`) } };
    case 'list':
      return { 'application/json': { schema: { type: 'array', items: contractRef(answer.name) } } };
    default:
      return { 'application/json': { schema: contractRef(answer.name) } };
  }
}

/** The contracts as OpenAPI 3.0 components, nested contracts as `$ref`s to their own component. */
function toComponents(named: Map<string, z.ZodType>): Record<string, SchemaObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of named) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { target: 'openapi-3.0', uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([id, { $id: _id, $schema: _dialect, ...json }]) => [id, json as SchemaObject]));
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

/**
 * The OpenAPI document served at /api/docs-json: the contracts as components, on every
 * operation its success answer (declared with ApiAnswer / ApiNoContent / ApiFile), the error
 * body (`default`), since every route answers errors the same way, and its query and path
 * parameters as the route validates them (openapi-query.ts).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder().setTitle('pubscore 宣传信息计分系统 API').setVersion('0.1.0').addBearerAuth().addCookieAuth('pubscore_session').build();
  const document = SwaggerModule.createDocument(app, config, { operationIdFactory: operationId });
  // Query parameters from the @Query() DTOs' validators, path parameter schemas from their pipes.
  documentParameters(app, Object.values(document.paths).flatMap((item) => METHODS.flatMap((method) => item[method] ?? [])));
  const pages = new Set<string>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const extended = operation as unknown as Record<string, unknown>;
      const answer = extended[ANSWER] as Answer | undefined;
      delete extended[ANSWER];
      if (answer) {
        const status = Object.keys(operation.responses).find((s) => /^2\d\d$/.test(s)) ?? '200';
        if ((answer.shape === 'none') !== (status === '204')) throw new Error(`${method.toUpperCase()} ${path}: answers ${status} but is declared ${answer.shape}`);
        const content = answerContent(answer, pages);
        operation.responses[status] = { description: content ? '成功' : '成功（无内容）', ...(content ? { content } : {}) };
      }
      operation.responses.default ??= { description: '错误（statusCode, code, message, errors）', content: { 'application/json': { schema: contractRef('ErrorBody') } } };
    }
  }
  const named = new Map(COMPONENTS);
  for (const name of pages) named.set(`${name}${PAGE}`, contractSchema(`${name}${PAGE}`));
  (document.components ??= {}).schemas = { ...document.components.schemas, ...toComponents(named) };
  return document;
}
