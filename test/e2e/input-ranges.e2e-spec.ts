// Issue #11, defects 1–3: no request may store a date, month or quarter outside the business
// range (it broke every later recompute and the shared quarter list), a read never writes a
// quarter row, impossible dates are refused rather than rolled over, and ids are plain
// positive decimal integers (`DELETE /api/evidence/%20%201` once deleted evidence #1).
import { DataSource } from 'typeorm';
import { Commission } from '../../apps/api/src/commissions/commission.entity';
import { Instruction } from '../../apps/api/src/instructions/instruction.entity';
import { MonthlyReport } from '../../apps/api/src/monthly-reports/monthly-report.entity';
import { Office } from '../../apps/api/src/offices/office.entity';
import { QuarterPeriod } from '../../apps/api/src/publication/quarter-period.entity';
import { testBackends } from '../utils/backends';
import { noonOf } from '../utils/clock';
import { bearer, createTestApp, type TestApp } from '../utils/app';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const ODD_IDS = ['1e3', '0x10', '%20%201', '%201', '+1', '1.0', '01', '0', '-1', '2147483648', '99999999999999999999'];

describe.each(testBackends('input_ranges'))('business date range and strict ids ($label)', (backend) => {
  let t: TestApp;
  let ds: DataSource;
  let office: string;
  let officer: string;
  let leader: string;
  let articleId: number;
  let outletId: number;
  let evidenceId: number;

  const count = async (table: string) => Number((await ds.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const http = () => t.http();

  /** The request is a 400 with `code` on exactly `field`, and `table` keeps its row count. */
  async function expectRefused(table: string, send: () => Promise<{ status: number; body: { code: string; errors: object } }>, code: string, field: string) {
    const before = await count(table);
    const res = await send();
    expect({ status: res.status, code: res.body.code, fields: Object.keys(res.body.errors) }).toEqual({ status: 400, code, fields: [field] });
    expect(await count(table)).toBe(before);
  }

  beforeAll(async () => {
    t = await createTestApp(backend);
    ds = t.app.get(DataSource);
    [office, officer, leader] = await Promise.all([t.login('office'), t.login('officer'), t.login('leader')]);
    const outlets = await http().get('/api/outlets?pageSize=200').set(bearer(office));
    outletId = outlets.body.items[0].id;
    const article = await t.clock.during(noonOf('2025-03-10'), () => http().post('/api/articles').set(bearer(officer)).send({ title: '日期范围测试稿件', submittedAt: '2025-03-10' }));
    articleId = article.body.id;
    const placement = await http().post(`/api/articles/${articleId}/placements`).set(bearer(officer)).send({ outletId, publishedAt: '2025-03-12' });
    const evidence = await http().post(`/api/placements/${placement.body.id}/evidence`).set(bearer(officer)).attach('file', PNG, '剪报.png');
    if (evidence.status !== 201) throw new Error(`evidence upload: ${evidence.status} ${JSON.stringify(evidence.body)}`);
    evidenceId = evidence.body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('quarters (defect 1)', () => {
    it('a leader reading a quarter far outside the range gets 400 and nothing is stored', async () => {
      const before = await count('quarter_periods');
      const res = await http().get('/api/quarters/9999-Q4').set(bearer(leader));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'quarter_out_of_range', errors: { quarter: expect.stringContaining('2000年第一季度') } });
      expect(await count('quarter_periods')).toBe(before);
      expect((await http().get('/api/quarters').set(bearer(officer))).status).toBe(200);
    });

    it("an officer's dispute on an out-of-range quarter is 400 and stores nothing", async () => {
      const before = await count('quarter_periods');
      const res = await http().post('/api/quarters/9999-Q4/disputes').set(bearer(officer)).send({ reason: '排名有误' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('quarter_out_of_range');
      expect((await http().post('/api/quarters/1999-Q4/disputes').set(bearer(officer)).send({ reason: '排名有误' })).status).toBe(400);
      expect(await count('quarter_periods')).toBe(before);
      expect((await http().get('/api/quarters').set(bearer(leader))).status).toBe(200);
    });

    it('reading an in-range quarter that has no row answers its computed state without storing one', async () => {
      const before = await count('quarter_periods');
      const res = await http().get('/api/quarters/2020-Q1').set(bearer(leader));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ quarter: '2020-Q1', stage: 'open' });
      const dispute = await http().post('/api/quarters/2020-Q1/disputes').set(bearer(officer)).send({ reason: '排名有误' });
      expect(dispute.status).toBe(409);
      expect(await count('quarter_periods')).toBe(before);
    });

    it('a quarter row already stored outside the range no longer breaks the shared list', async () => {
      // What the defect left behind in databases that ran before the fix.
      const officeId = (await ds.getRepository(Office).find({ order: { id: 'ASC' }, take: 1 }))[0].id;
      await ds.getRepository(QuarterPeriod).insert({ officeId, quarter: '9999-Q4', stage: 'open' });
      const res = await http().get('/api/quarters').set(bearer(officer));
      expect(res.status).toBe(200);
      expect(res.body.map((q: { quarter: string }) => q.quarter)).not.toContain('9999-Q4');
      await ds.getRepository(QuarterPeriod).delete({ quarter: '9999-Q4' });
    });

    it.each([
      // Every row has a body (unused for GET): a shorter row would hand the test jest's `done`.
      ['GET', '/api/scores/ranking?quarter=9999-Q4', 'quarter', {}],
      ['GET', '/api/scores/statement?quarter=0000-Q1', 'quarter', {}],
      ['POST', '/api/scores/recompute', 'fromQuarter', { fromQuarter: '0000-Q2' }],
      ['POST', '/api/scores/recompute', 'quarters', { quarters: ['9999-Q1'] }],
      ['POST', '/api/schemes', 'effectiveFrom', { effectiveFrom: '9999-Q1', copyOf: 1 }],
      ['GET', '/api/rankings/year?year=2025&through=9999-Q1', 'through', {}],
    ])('%s %s with an out-of-range quarter is refused (%s)', async (method, url, field, body) => {
      const req = method === 'GET' ? http().get(url) : http().post(url).send(body);
      const res = await req.set(bearer(office));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('quarter_out_of_range');
      expect(Object.keys(res.body.errors)).toEqual([field]);
    });
  });

  describe('business dates and months (defect 2)', () => {
    it('an officer cannot file a monthly report for 0000-01 or read one for 9999-12', async () => {
      const before = await count('monthly_reports');
      const res = await http().put('/api/monthly-reports/0000-01').set(bearer(officer)).send({ articlesSubmitted: 1, placementsAdopted: 0 });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'month_out_of_range', errors: { month: expect.stringContaining('2000-01') } });
      expect((await http().get('/api/monthly-reports/9999-12').set(bearer(officer))).status).toBe(400);
      expect((await http().get('/api/monthly-reports/draft/1999-12').set(bearer(officer))).status).toBe(400);
      expect(await count('monthly_reports')).toBe(before);
    });

    it.each([
      ['/api/monthly-reports/compliance?month=9999-12', 'month', 'month_out_of_range'],
      ['/api/monthly-reports/history?from=0000-01', 'from', 'month_out_of_range'],
      ['/api/monthly-reports?to=9999-12', 'to', 'month_out_of_range'],
      ['/api/commissions/completion?from=0000-01-01&to=2025-01-31', 'from', 'date_out_of_range'],
      ['/api/commissions/completion?from=2025-02-30&to=2025-03-31', 'from', 'validation_failed'],
      ['/api/articles?from=2025-13-45', 'from', 'validation_failed'],
      ['/api/review/queue?from=0000-01-01', 'from', 'date_out_of_range'],
    ])('GET %s is a field error on %s', async (url, field, code) => {
      const res = await http().get(url).set(bearer(office));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(code);
      expect(Object.keys(res.body.errors)).toEqual([field]);
    });

    it.each([
      ['0000-01-01', 'date_out_of_range'],
      ['1999-12-31', 'date_out_of_range'],
      ['9999-12-31', 'date_out_of_range'],
      ['2026-02-30', 'validation_failed'],
      ['2026-13-45', 'validation_failed'],
    ])('an instruction dated %s is refused and not stored', async (date, code) => {
      await expectRefused('instructions', () => http().post(`/api/articles/${articleId}/instructions`).set(bearer(officer)).send({ leaderTitle: '区委书记', level: 'district', instructedDate: date }), code, 'instructedDate');
    });

    it.each([
      ['9999-12-31', 'date_out_of_range'],
      ['0000-01-01', 'date_out_of_range'],
      ['2026-02-30', 'validation_failed'],
    ])('a 约稿 deadline %s is refused and not stored', async (deadline, code) => {
      const unitId = (await http().get('/api/units?pageSize=1').set(bearer(office))).body.items[0].id;
      await expectRefused('commissions', () => http().post('/api/commissions').set(bearer(office)).send({ topic: '范围外截止日期', deadline, targetUnitIds: [unitId] }), code, 'deadline');
    });

    it.each([
      ['0000-01-01', 'date_out_of_range'],
      ['2026-02-30', 'validation_failed'],
      ['2026-02-30T10:00:00Z', 'validation_failed'],
      ['2026-01-01T25:00:00Z', 'validation_failed'],
    ])('a placement published %s is refused and not stored', async (publishedAt, code) => {
      await expectRefused('placements', () => http().post(`/api/articles/${articleId}/placements`).set(bearer(officer)).send({ outletId, publishedAt }), code, 'publishedAt');
    });

    it.each([
      ['1999-12-31', 'date_out_of_range'],
      ['2026-02-30', 'validation_failed'],
    ])('an article submitted %s is refused and not stored', async (submittedAt, code) => {
      await expectRefused('articles', () => http().post('/api/articles').set(bearer(officer)).send({ title: `提交于 ${submittedAt}`, submittedAt }), code, 'submittedAt');
    });

    it.each([
      ['2026-13-45', 'validation_failed'],
      ['9999-01-01', 'date_out_of_range'],
    ])('a notice date %s is refused and nothing is stored', async (issuedDate, code) => {
      await expectRefused('quarter_periods', () => http().patch('/api/quarters/2025-Q1/notice-texts').set(bearer(office)).send({ issuedDate }), code, 'issuedDate');
    });

    const recomputeOfficeWide = async () => {
      const res = await http().post('/api/scores/recompute').set(bearer(office)).send({});
      expect(res.status).toBe(201);
      const job = await t.waitForJob(office, res.body.id);
      return { status: job.status, error: job.error };
    };

    it('after all those attempts an office-wide recompute still succeeds', async () => {
      expect(await recomputeOfficeWide()).toEqual({ status: 'done', error: null });
    });

    it('rows an older version stored outside the range do not break an office-wide recompute', async () => {
      // What the defect left behind: written directly, as the API no longer lets them in.
      const officeId = (await ds.getRepository(Office).find({ order: { id: 'ASC' }, take: 1 }))[0].id;
      const unitId = (await http().get('/api/units?pageSize=1').set(bearer(office))).body.items[0].id;
      const report = await ds.getRepository(MonthlyReport).insert({ officeId, unitId, month: '0000-01', filedAt: new Date(), filedDate: '2025-01-02', articlesSubmitted: 1, placementsAdopted: 0, narrative: null, filedBy: null });
      const instruction = await ds.getRepository(Instruction).insert({ officeId, articleId, leaderTitle: '区委书记', level: 'district', instructedDate: '0000-01-01', content: null, status: 'verified', reviewNote: null, verifiedBy: null, verifiedAt: null, createdBy: null });
      const commission = await ds.getRepository(Commission).insert({ officeId, topic: '9999 年截止', description: null, issuedDate: '2025-01-01', deadline: '9999-12-31', createdBy: null });
      try {
        expect(await recomputeOfficeWide()).toEqual({ status: 'done', error: null });
        expect((await http().get('/api/quarters').set(bearer(officer))).status).toBe(200);
      } finally {
        await ds.getRepository(MonthlyReport).delete(report.identifiers[0].id);
        await ds.getRepository(Instruction).delete(instruction.identifiers[0].id);
        await ds.getRepository(Commission).delete(commission.identifiers[0].id);
      }
    });
  });

  describe('ids (defect 3)', () => {
    it.each(ODD_IDS)('DELETE /api/evidence/%s is 400 invalid_id and deletes nothing', async (id) => {
      const res = await http().delete(`/api/evidence/${id}`).set(bearer(officer));
      expect({ status: res.status, body: res.body }).toMatchObject({ status: 400 });
      expect(res.body).toMatchObject({ code: 'invalid_id', errors: { id: 'ID 必须是正整数' } });
      expect((await http().get(`/api/evidence/${evidenceId}`).set(bearer(officer))).status).toBe(200);
    });

    it('a param not named id is named in the error', async () => {
      const res = await http().get('/api/articles/1e0/placements').set(bearer(officer));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'invalid_id', errors: { articleId: 'ID 必须是正整数' } });
    });

    it.each([
      ['/api/articles?unitId=0x10', 'unitId'],
      ['/api/articles?unitId=1e3', 'unitId'],
      ['/api/articles?unitId=%201', 'unitId'],
      ['/api/articles?unitId=2147483648', 'unitId'],
      ['/api/monthly-reports/history?unitId=1.0', 'unitId'],
      ['/api/scores/statement?quarter=2025-Q1&unitId=%2B1', 'unitId'],
      ['/api/review/queue?outletId=01', 'outletId'],
      ['/api/units?groupId=-1', 'groupId'],
      ['/api/schemes/diff?a=1&b=1e0', 'b'],
      ['/api/articles/similar?title=x&excludeId=0x1', 'excludeId'],
    ])('GET %s is 400 invalid_id on %s', async (url, field) => {
      const res = await http().get(url).set(bearer(office));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'invalid_id', errors: { [field]: 'ID 必须是正整数' } });
    });

    it('well-formed ids still work (so the checks above can fail)', async () => {
      expect((await http().get(`/api/evidence/${evidenceId}`).set(bearer(officer))).status).toBe(200);
      expect((await http().get(`/api/articles/${articleId}/placements`).set(bearer(officer))).status).toBe(200);
      expect((await http().get('/api/articles?unitId=2147483647').set(bearer(office))).status).toBe(200);
      expect((await http().get('/api/articles/2147483647').set(bearer(office))).status).toBe(404);
    });
  });
});
