// The API described to outsiders (issue #13): every operation in /api/docs-json declares the
// error body and its success answer from the zod schemas in libs/contracts (a JSON contract, a
// file, or an empty 204), and a client generated from the document with @hey-api/openapi-ts
// type-checks calls against it. That the answers are true is openapi-answers.e2e-spec.ts's job.
// The query parameters of every route taking a @Query() DTO and the types of the path
// parameters are documented too (common/openapi-query.ts), so the client can pass the filters.
// The document does not depend on the database or the queue, so the embedded backend suffices.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { JOB_STATUSES } from '@app/contracts';
import { MAX_ID } from '../../apps/api/src/common/parse-id.pipe';
import { testBackends } from '../utils/backends';
import { createTestApp, type TestApp } from '../utils/app';
import { registeredRoutes, routeLabel, type Route } from '../utils/routes';

type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Record<string, unknown> };
type Operation = { operationId: string; parameters?: Parameter[]; responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, { required?: string[] }> } };

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'node_modules/.bin');

function operations(doc: Document): { label: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([p, item]) => METHODS.filter((m) => item[m]).map((m) => ({ label: `${m.toUpperCase()} ${p}`, op: item[m] })));
}

/** The success answer an operation documents: a schema for some content type, or an empty 204; undefined when it documents none. */
function successSchema(op: Operation): unknown {
  const [status, response] = Object.entries(op.responses).find(([code]) => /^2\d\d$/.test(code)) ?? [];
  if (status === '204' && !response?.content) return 'no content';
  return Object.values(response?.content ?? {}).find((c) => c.schema)?.schema;
}

/** Operations that document no success answer, as `METHOD /path`. */
const undocumented = (doc: Document) => operations(doc).filter(({ op }) => !successSchema(op)).map((o) => o.label);

/** The fields a query DTO accepts: those class-validator checks (the global pipe refuses any other). */
const validatedFields = (dto: object) => [...new Set(getMetadataStorage().getTargetValidationMetadatas(dto as new () => object, '', true, false).map((m) => m.propertyName))];

/** The routes whose handler takes a `@Query() query: SomeDto` (a named `@Query('x')` is a plain value, not a DTO). */
const queryDtoRoutes = (routes: Route[]) => routes.filter((r) => r.queryType && validatedFields(r.queryType).length > 0);

/** `@Query()` DTO parameters written in the controllers' source: the count the routes above must reach. */
function queryDtosInSource(dir = path.join(ROOT, 'apps/api/src')): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((n, entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return n + queryDtosInSource(file);
    return entry.name.endsWith('.controller.ts') ? n + (fs.readFileSync(file, 'utf8').match(/@Query\(\)/g) ?? []).length : n;
  }, 0);
}

/**
 * For each route taking a @Query() DTO: the DTO fields its operation does not document as query
 * parameters and the query parameters it documents that the DTO does not accept.
 */
function queryMismatches(doc: Document, routes: Route[]): string[] {
  return queryDtoRoutes(routes).flatMap((route) => {
    const op = doc.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
    if (!op) return [`${routeLabel(route)}: not in the document`];
    const documented = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    const fields = validatedFields(route.queryType!);
    return [
      ...fields.filter((f) => !documented.includes(f)).map((f) => `${routeLabel(route)}: ?${f} not documented`),
      ...documented.filter((d) => !fields.includes(d)).map((d) => `${routeLabel(route)}: ?${d} is no field of ${route.queryType!.name}`),
    ];
  });
}

/** An operation's parameters as `{ 'query page': { required, ...schema } }`. */
const parametersOf = (doc: Document, p: string, method = 'get') =>
  Object.fromEntries((doc.paths[p][method].parameters ?? []).map((x) => [`${x.in} ${x.name}`, { required: x.required, ...x.schema }]));

/** Writes the document, generates a fetch client from it, type-checks `calls` against it; returns tsc's output or '' when it passes. */
function typeCheckClient(dir: string, doc: unknown, calls: string): string {
  fs.writeFileSync(path.join(dir, 'openapi.json'), JSON.stringify(doc));
  execFileSync(path.join(BIN, 'openapi-ts'), ['-i', 'openapi.json', '-o', 'client', '-c', '@hey-api/client-fetch', '-p', '@hey-api/typescript', '@hey-api/sdk'], { cwd: dir, stdio: 'pipe' });
  fs.writeFileSync(path.join(dir, 'calls.ts'), calls);
  try {
    execFileSync(path.join(BIN, 'tsc'), ['--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler', '--lib', 'es2022,dom', 'calls.ts'], { cwd: dir, stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stdout?: Buffer }).stdout ?? error);
  }
}

const CALLS = `import {
  articlesControllerList,
  jobsControllerGet,
  jobsControllerList,
  monthlyReportsControllerHistory,
  notificationsControllerList,
  quartersControllerPublish,
  quartersControllerSnapshot,
  scoresControllerRanking,
  scoresControllerStatement,
  unitsControllerList,
} from './client';

export async function firstUnit(): Promise<string> {
  const { data, error } = await scoresControllerRanking({ query: { quarter: '2026-Q1' } });
  if (error) return error.code + error.message + Object.keys(error.errors).join();
  const row = data.overall[0];
  return row.name + row.totalText + row.placements.media.central + data.groups[0].rows.length + data.schemeVersion.versionNo;
}

export async function lines(): Promise<number> {
  const { data } = await scoresControllerStatement({ query: { quarter: '2026-Q1', unitId: 1 } });
  return (data?.lines ?? []).reduce((sum, l) => sum + l.amount + (l.clause ?? '').length, data?.total ?? 0);
}

export async function articleTitles(): Promise<string[]> {
  const { data } = await articlesControllerList();
  return (data?.items ?? []).map((a) => a.title + a.submittedDate + a.units.map((u) => u.unitName ?? '').join() + a.statusLabel);
}

export async function unitContacts(): Promise<string[]> {
  const { data } = await unitsControllerList();
  return (data?.items ?? []).map((u) => u.name + (u.contactPhone ?? '') + (u.group?.name ?? '') + data!.total);
}

export async function monthlyStanding(): Promise<number> {
  const { data } = await monthlyReportsControllerHistory();
  return (data ?? []).filter((m) => m.status === 'late').reduce((n, m) => n + (m.report?.articlesSubmitted ?? 0) + m.dueDate.length, 0);
}

export async function publishAndFollow(): Promise<string> {
  const { data: job } = await quartersControllerPublish({ path: { quarter: '2026-Q1' }, body: {} });
  if (!job) return '';
  const { data: later } = await jobsControllerGet({ path: { id: job.id } });
  return later?.status === 'done' ? later.finishedAt ?? '' : String(later?.progress ?? 0) + job.businessKey;
}

export async function publishedRanks(): Promise<number[]> {
  const { data } = await quartersControllerSnapshot({ path: { quarter: '2026-Q1', revision: 1 } });
  return (data?.units ?? []).map((u) => u.overallRank + u.central + (data?.summary.byLevel.central ?? 0));
}

export async function failedPublications(): Promise<string[]> {
  const { data } = await jobsControllerList({ query: { status: 'failed', name: 'publish', page: 2, pageSize: 50, sort: '-id' } });
  return (data?.items ?? []).map((j) => j.businessKey + (data?.total ?? 0));
}

export async function unreadCount(): Promise<number> {
  const { data } = await notificationsControllerList({ query: { unread: true } });
  return data?.total ?? 0;
}

export async function wrongFilters(): Promise<void> {
  // @ts-expect-error -- not a job status
  await jobsControllerList({ query: { status: 'lost' } });
  // @ts-expect-error -- the quarter is required
  await scoresControllerRanking({ query: {} });
}
`;

describe.each(testBackends('openapi').filter((b) => b.name === 'embedded'))('OpenAPI document ($label)', (backend) => {
  let t: TestApp;
  let doc: Document;
  let routes: Route[];
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    doc = (await t.http().get('/api/docs-json').expect(200)).body as Document;
    routes = registeredRoutes(t);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pubscore-openapi-'));
  });
  afterAll(async () => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    await t?.close();
  });

  it('sees the operations of the app (so that the checks below can fail)', () => {
    expect(operations(doc).length).toBeGreaterThanOrEqual(100);
  });

  it('every operation declares the error body { statusCode, code, message, errors }', () => {
    expect(doc.components.schemas.ErrorBody.required).toEqual(['statusCode', 'code', 'message', 'errors']);
    const without = operations(doc).filter(({ op }) => JSON.stringify(op.responses.default?.content?.['application/json']?.schema) !== JSON.stringify({ $ref: '#/components/schemas/ErrorBody' }));
    expect(without.map((o) => o.label)).toEqual([]);
  });

  it('every operation declares its success answer: a contract, a file, or an empty 204', () => {
    expect(doc.components.schemas.StatementResponse.required).toEqual(expect.arrayContaining(['quarter', 'unit', 'lines', 'total']));
    expect(undocumented(doc)).toEqual([]);
  });

  it('an operation without its success answer is found (the check above can fail)', () => {
    const stripped = JSON.parse(JSON.stringify(doc)) as Document;
    delete stripped.paths['/api/units'].get.responses['200'].content;
    delete stripped.paths['/api/articles/{id}'].delete.responses['204'];
    expect(undocumented(stripped)).toEqual(['GET /api/units', 'DELETE /api/articles/{id}']);
  });

  it('every $ref in the document names a published component', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(100);
    expect([...new Set(refs)].filter((name) => !doc.components.schemas[name])).toEqual([]);
  });

  it('sees every route taking a @Query() DTO (so that the checks below can fail)', () => {
    expect(queryDtoRoutes(routes).length).toBeGreaterThanOrEqual(30);
    expect(queryDtoRoutes(routes).length).toBe(queryDtosInSource());
  });

  it('every route taking a @Query() DTO documents each of its fields as a query parameter, and no other', () => {
    expect(queryMismatches(doc, routes)).toEqual([]);
  });

  it('a route whose query parameters are missing is found (the check above can fail)', () => {
    const stripped = JSON.parse(JSON.stringify(doc)) as Document;
    stripped.paths['/api/jobs'].get.parameters = [];
    expect(queryMismatches(stripped, routes).filter((m) => m.startsWith('GET /api/jobs '))).toEqual(['status', 'name', 'page', 'pageSize', 'sort'].map((f) => expect.stringMatching(new RegExp(`^GET /api/jobs \\(JobsController\\.list\\): \\?${f} not documented$`))));
  });

  it('query parameters carry the types, enums, bounds, patterns and defaults the validators enforce', () => {
    const paging = {
      'query page': { required: false, type: 'integer', minimum: 1, maximum: 1_000_000, default: 1 },
      'query pageSize': { required: false, type: 'integer', minimum: 1, maximum: 200, default: 20 },
      'query sort': { required: false, type: 'string', maxLength: 40, pattern: '^-?[A-Za-z][A-Za-z0-9]*$' },
    };
    expect(parametersOf(doc, '/api/jobs')).toEqual({
      'query status': { required: false, type: 'string', enum: [...JOB_STATUSES] },
      'query name': { required: false, type: 'string', maxLength: 60 },
      ...paging,
    });
    expect(parametersOf(doc, '/api/scores/ranking')).toEqual({ 'query quarter': { required: true, type: 'string', pattern: '^\\d{4}-Q[1-4]$' } });
    expect(parametersOf(doc, '/api/commissions/completion')).toEqual({ 'query from': { required: true, type: 'string', format: 'date' }, 'query to': { required: true, type: 'string', format: 'date' } });
    expect(parametersOf(doc, '/api/monthly-reports/compliance')).toEqual({ 'query month': { required: true, type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' } });
    expect(parametersOf(doc, '/api/notifications')).toEqual({ 'query unread': { required: false, type: 'boolean' }, ...paging });
    expect(parametersOf(doc, '/api/rankings/year')).toEqual({
      'query year': { required: true, type: 'integer', minimum: 2000, maximum: 2100 },
      'query through': { required: false, type: 'string', pattern: '^\\d{4}-Q[1-4]$' },
    });
    expect(parametersOf(doc, '/api/audit')).toMatchObject({
      'query userId': { required: false, type: 'integer', minimum: 1 },
      'query from': { required: false, type: 'string', format: 'date-time' },
      'query action': { required: false, type: 'string', enum: expect.arrayContaining(['login', 'quarter:publish']) },
    });
    expect(parametersOf(doc, '/api/outlets')['query pageSize']).toEqual({ required: false, type: 'integer', minimum: 1, maximum: 200, default: 50 });
    expect(parametersOf(doc, '/api/evidence/{id}')['query download']).toEqual({ required: false, type: 'string' });
  });

  it('every path parameter is documented with its type: ids are positive integers, quarters and months carry their pattern', () => {
    const undocumented = operations(doc).flatMap(({ label, op }) =>
      [...label.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((name) => !op.parameters?.some((p) => p.in === 'path' && p.name === name && p.required && p.schema?.type)).map((name) => `${label}: {${name}}`),
    );
    expect(undocumented).toEqual([]);
    const schemas = (name: string) => new Set(operations(doc).flatMap(({ op }) => (op.parameters ?? []).filter((p) => p.in === 'path' && p.name === name).map((p) => JSON.stringify(p.schema))));
    expect(schemas('id')).toEqual(new Set([JSON.stringify({ type: 'integer', minimum: 1, maximum: MAX_ID })]));
    expect(schemas('quarter')).toEqual(new Set([JSON.stringify({ type: 'string', pattern: '^\\d{4}-[Qq][1-4]$' })]));
    expect(schemas('month')).toEqual(new Set([JSON.stringify({ type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' })]));
  });

  it('a client generated from the document type-checks calls: rankings, a statement, articles, units, monthly reports, a publication job, a snapshot, filtered jobs and notifications', () => {
    expect(typeCheckClient(dir, doc, CALLS)).toBe('');
  });

  it('the same calls fail to type-check once the statement schema is gone (the check can fail)', () => {
    const stripped = JSON.parse(JSON.stringify(doc)) as Document;
    delete stripped.paths['/api/scores/statement'].get.responses['200'];
    expect(typeCheckClient(dir, stripped, CALLS)).toMatch(/error TS/);
  });
});
