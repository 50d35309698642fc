// The API described to outsiders (issue #13): every operation in /api/docs-json declares the
// error body and its success answer from the zod schemas in libs/contracts (a JSON contract, a
// file, or an empty 204), and a client generated from the document with @hey-api/openapi-ts
// type-checks calls against it. That the answers are true is openapi-answers.e2e-spec.ts's job.
// The document does not depend on the database or the queue, so the embedded backend suffices.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { testBackends } from '../utils/backends';
import { createTestApp, type TestApp } from '../utils/app';

type Operation = { operationId: string; responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };
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
  monthlyReportsControllerHistory,
  quartersControllerPublish,
  quartersControllerSnapshot,
  scoresControllerRanking,
  scoresControllerStatement,
  unitsControllerList,
} from './client';

export async function firstUnit(): Promise<string> {
  const { data, error } = await scoresControllerRanking({ query: { quarter: '2026Q1' } });
  if (error) return error.code + error.message + Object.keys(error.errors).join();
  const row = data.overall[0];
  return row.name + row.totalText + row.placements.media.central + data.groups[0].rows.length + data.schemeVersion.versionNo;
}

export async function lines(): Promise<number> {
  const { data } = await scoresControllerStatement({ query: { quarter: '2026Q1', unitId: 1 } });
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
`;

describe.each(testBackends('openapi').filter((b) => b.name === 'embedded'))('OpenAPI document ($label)', (backend) => {
  let t: TestApp;
  let doc: Document;
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    doc = (await t.http().get('/api/docs-json').expect(200)).body as Document;
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

  it('a client generated from the document type-checks calls: rankings, a statement, articles, units, monthly reports, a publication job, a snapshot', () => {
    expect(typeCheckClient(dir, doc, CALLS)).toBe('');
  });

  it('the same calls fail to type-check once the statement schema is gone (the check can fail)', () => {
    const stripped = JSON.parse(JSON.stringify(doc)) as Document;
    delete stripped.paths['/api/scores/statement'].get.responses['200'];
    expect(typeCheckClient(dir, stripped, CALLS)).toMatch(/error TS/);
  });
});
