// The OpenAPI document tells the truth (issue #13 point 1): the main GET routes of a seeded app
// (the demo district with its year of records), read by the people who use them, answer bodies
// that the zod schema behind their documented success answer accepts, and from which it drops
// nothing — so a field the server sends but the contract does not name fails here too.
import { isDeepStrictEqual } from 'node:util';
import { prevQuarter, quarterRange } from '@app/scoring';
import { z } from 'zod';
import { contractSchema } from '../../apps/api/src/common/openapi';
import { bearer, createTestApp, CURRENT_QUARTER, TODAY, type TestApp } from '../utils/app';
import { testBackends } from '../utils/backends';

type Schema = { $ref?: string; type?: string; items?: Schema };
type Document = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: Schema }> }> }>> };

const refName = (schema: Schema | undefined) => schema?.$ref?.replace('#/components/schemas/', '');

/** The zod schema of a route's documented success answer (at `status`): a contract, or an array of one. */
function documentedAnswer(doc: Document, template: string, method = 'get', status = 200): z.ZodType {
  const responses = doc.paths[template]?.[method]?.responses ?? {};
  const schema = responses[String(status)]?.content?.['application/json']?.schema;
  if (schema?.type === 'array' && refName(schema.items)) return z.array(contractSchema(refName(schema.items)!));
  if (refName(schema)) return contractSchema(refName(schema)!);
  throw new Error(`${method.toUpperCase()} ${template} documents no JSON answer from the contracts at ${status}`);
}

/** What in `body` the schema refuses, or leaves out when parsing (a field the contract does not name). */
function disagreement(schema: z.ZodType, body: unknown): unknown {
  const parsed = schema.safeParse(body);
  if (!parsed.success) return parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
  return isDeepStrictEqual(parsed.data, body) ? null : { sent: body, documented: parsed.data };
}

describe.each(testBackends('openapi_answers'))('documented answers match what the routes send ($label)', (backend) => {
  let t: TestApp;
  let doc: Document;
  const checked: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(backend, { DEMO_RECORDS: 'true' });
    doc = (await t.http().get('/api/docs-json').expect(200)).body as Document;
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  /** GETs `url` as `token`, checks the body against the schema documented for `template`, and returns it. */
  async function read<T = Record<string, unknown>>(token: string, template: string, url: string = template): Promise<T> {
    const res = await t.http().get(`/api${url}`).set(bearer(token));
    expect([url, res.status]).toEqual([url, 200]);
    expect([url, disagreement(documentedAnswer(doc, `/api${template}`), res.body)]).toEqual([url, null]);
    checked.push(template);
    return res.body as T;
  }

  /** POSTs `body` to `url` as `token`, expects `status` and checks the answer against the schema documented for it. */
  async function create<T = Record<string, unknown>>(token: string, template: string, url: string, body: object, status = 201): Promise<T> {
    const res = await t.http().post(`/api${url}`).set(bearer(token)).send(body);
    expect([url, res.status]).toEqual([url, status]);
    expect([url, disagreement(documentedAnswer(doc, `/api${template}`, 'post', status), res.body)]).toEqual([url, null]);
    return res.body as T;
  }

  it('the comparison can fail: a body with a field the contract lacks, or a wrong type, disagrees', () => {
    const unit = { id: 1, code: 'A', name: '单位', groupId: 1, active: true, contactName: null, contactPhone: null, childOfficeId: null, version: 1, createdAt: 'x', updatedAt: 'x' };
    expect(disagreement(contractSchema('UnitResponse'), unit)).toBeNull();
    expect(disagreement(contractSchema('UnitResponse'), { ...unit, officeId: 1 })).not.toBeNull();
    expect(disagreement(contractSchema('UnitResponse'), { ...unit, createdAt: new Date(0) })).not.toBeNull();
  });

  it('the office, a leader, an officer and an admin read answers their documented schemas accept', async () => {
    const [office, leader, officer, admin] = await Promise.all(['office', 'leader', 'officer', 'admin'].map((u) => t.login(u)));
    const quarter = prevQuarter(CURRENT_QUARTER);
    const { start, end } = quarterRange(quarter);
    const month = start.slice(0, 7);

    await read(office, '/health');
    await read(office, '/meta');
    await read(office, '/auth/me');
    await read(office, '/auth/sessions');
    await read(office, '/offices');
    await read(office, '/offices/parent-ranking');
    await read(admin, '/users');

    const units = await read<{ items: { id: number }[] }>(office, '/units', '/units?pageSize=5');
    const unitId = units.items[0].id;
    await read(office, '/units/{id}', `/units/${unitId}`);
    await read(office, '/ranking-groups');
    const outlets = await read<{ items: { id: number }[] }>(office, '/outlets', '/outlets?pageSize=5');
    await read(office, '/outlets/{id}', `/outlets/${outlets.items[0].id}`);

    const articles = await read<{ items: { id: number; title: string }[] }>(office, '/articles', '/articles?pageSize=100');
    // An article with placements and 批示, so that their routes answer rows to check.
    const withRows = async (id: number) => (await Promise.all(['placements', 'instructions'].map(async (kind) => (await t.http().get(`/api/articles/${id}/${kind}`).set(bearer(office))).body.length > 0))).every(Boolean);
    let article = articles.items[0];
    for (const candidate of articles.items) if (await withRows(candidate.id)) { article = candidate; break; }
    await read(office, '/articles/{id}', `/articles/${article.id}`);
    await read(office, '/articles/similar', `/articles/similar?title=${encodeURIComponent(article.title)}`);
    await read(officer, '/articles/similar', `/articles/similar?title=${encodeURIComponent(article.title)}`);
    const placements = await read<{ id: number }[]>(office, '/articles/{articleId}/placements', `/articles/${article.id}/placements`);
    await read(office, '/placements/{id}', `/placements/${placements[0].id}`);
    const instructions = await read<{ id: number }[]>(office, '/articles/{articleId}/instructions', `/articles/${article.id}/instructions`);
    await read(office, '/instructions/{id}', `/instructions/${instructions[0].id}`);
    // The demo scheme lists no 事项 kinds: the list is checked as an empty page.
    await read(office, '/item-kinds', `/item-kinds?date=${TODAY}`);
    await read(office, '/items', '/items?pageSize=5');
    const adjustment = await create<{ id: number }>(office, '/adjustments', '/adjustments', { unitId, quarter: CURRENT_QUARTER, points: '1.5', reason: '接口文档核对' });
    await read(office, '/adjustments', '/adjustments?pageSize=5');
    await read(office, '/adjustments/{id}', `/adjustments/${adjustment.id}`);
    await read(office, '/review/queue', '/review/queue?pageSize=5');
    await read(officer, '/review/queue', '/review/queue?pageSize=5');
    await read(office, '/review/evidence-rule', `/review/evidence-rule?date=${TODAY}`);

    const commissions = await read<{ items: { id: number }[] }>(office, '/commissions', '/commissions?pageSize=5');
    await read(office, '/commissions/{id}', `/commissions/${commissions.items[0].id}`);
    await read(officer, '/commissions/inbox', '/commissions/inbox?pageSize=5');
    await read(office, '/commissions/completion', `/commissions/completion?from=${start}&to=${end}`);

    await read(office, '/monthly-reports', '/monthly-reports?pageSize=5');
    await read(office, '/monthly-reports/compliance', `/monthly-reports/compliance?month=${month}`);
    await read(officer, '/monthly-reports/history');
    await read(officer, '/monthly-reports/{month}', `/monthly-reports/${month}`);
    await read(officer, '/monthly-reports/draft/{month}', `/monthly-reports/draft/${month}`);

    await read(office, '/scores/ranking', `/scores/ranking?quarter=${quarter}`);
    await read(office, '/scores/statement', `/scores/statement?quarter=${quarter}&unitId=${unitId}`);
    const schemes = await read<{ items: { id: number }[] }>(office, '/schemes');
    await read(office, '/schemes/{id}', `/schemes/${schemes.items[0].id}`);

    const quarters = await read<{ quarter: string; revision: number }[]>(office, '/quarters');
    const published = quarters.find((q) => q.revision > 0)!;
    await read(office, '/quarters/{quarter}', `/quarters/${published.quarter}`);
    await read(office, '/quarters/{quarter}/snapshots/{revision}', `/quarters/${published.quarter}/snapshots/${published.revision}`);
    await read(office, '/quarters/{quarter}/disputes', `/quarters/${published.quarter}/disputes`);
    await read(leader, '/rankings/year', `/rankings/year?year=${published.quarter.slice(0, 4)}`);
    await read(leader, '/rankings/trend');
    const notices = await read<{ id: number }[]>(leader, '/notices');
    await read(leader, '/notices/{id}', `/notices/${notices[0].id}`);
    await read(office, '/notices/{id}/readers', `/notices/${notices[0].id}/readers`);
    await read(leader, '/notifications');
    await read(officer, '/notifications');

    const jobs = await read<{ items: { id: number }[] }>(office, '/jobs', '/jobs?pageSize=5');
    await read(office, '/jobs/{id}', `/jobs/${jobs.items[0].id}`);
    await read(office, '/audit', '/audit?pageSize=20');

    expect(checked.length).toBeGreaterThanOrEqual(50);
  }, 120_000);
});
