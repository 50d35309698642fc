// The score ledger around the worked example: rankings and statements from stored lines,
// who may read what, the .xlsx statement, the what-if preview, and the recompute job's
// promises — idempotent, and incremental for the articles the review workflow names.
// Expected numbers are worked out by hand from config/schemes/standard.yaml.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { JobsService } from '../../apps/api/src/jobs/jobs.service';
import { Placement } from '../../apps/api/src/placements/placement.entity';
import { Article } from '../../apps/api/src/articles/article.entity';
import { RecordsLoader } from '../../apps/api/src/score-ledger/records-loader';
import { ScoreLedgerRepository } from '../../apps/api/src/score-ledger/score-ledger.repository';
import { ScoreLedgerService } from '../../apps/api/src/score-ledger/score-ledger.service';
import { presetVersionRow } from '../../apps/api/src/schemes/scheme-document';
import { SchemeVersion } from '../../apps/api/src/schemes/scheme-version.entity';
import { createFactories, type Factories } from '../factories';
import { bearer, createTestApp, type TestApp } from '../utils/app';
import { testBackends } from '../utils/backends';

const STANDARD = fs.readFileSync(path.join(__dirname, '../../config/schemes/standard.yaml'), 'utf8');
const MEDIA_ROW = '{ label: 媒体采用, when: { channel: media }, points: { central: 30, provincial: 10, municipal: 5, district: 1 } }';
if (!STANDARD.includes(MEDIA_ROW)) throw new Error(`standard.yaml no longer contains: ${MEDIA_ROW}`);

describe.each(testBackends('scoring-ledger'))('scoring: score ledger, statements and previews ($label)', (backend) => {
  let t: TestApp;
  let ds: DataSource;
  let f: Factories;
  let officeId: number;
  let token: string;
  const unit = { P: 0, Q: 0, R: 0 };
  const article = { m1: 0, m2: 0, m3: 0, m4: 0 };
  let m3EarlyPlacement: number;
  let m1Placement: number;

  beforeAll(async () => {
    t = await createTestApp(backend);
    ds = t.app.get(DataSource);
    f = createFactories(ds);
    officeId = (await f.offices.create({ name: '账本测试区' })).id;
    const town = await f.groups.create({ officeId, code: 'TOWN', name: '镇街组', sortOrder: 1 });
    const dept = await f.groups.create({ officeId, code: 'DEPT', name: '部门组', sortOrder: 2 });
    unit.P = (await f.units.create({ officeId, groupId: town.id, code: 'P01', name: '平街道' })).id;
    unit.Q = (await f.units.create({ officeId, groupId: town.id, code: 'P02', name: '秋镇' })).id;
    unit.R = (await f.units.create({ officeId, groupId: dept.id, code: 'R01', name: '瑞局' })).id;
    await f.users.create({ officeId, role: 'office', username: 'led-office' });
    await f.users.create({ officeId, role: 'leader', username: 'led-leader' });
    await f.users.create({ officeId, role: 'officer', username: 'led-officer', unitId: unit.P });
    await f.users.create({ officeId, role: 'reviewer', username: 'led-reviewer', unitId: unit.P });
    const cm = await f.outlets.create({ officeId, code: 'LED-CM', name: '中央媒体', level: 'central', channel: 'media' }); // 30
    const pb = await f.outlets.create({ officeId, code: 'LED-PB', name: '省委组工信息', level: 'provincial', channel: 'bulletin' }); // 20
    const mm = await f.outlets.create({ officeId, code: 'LED-MM', name: '市日报', level: 'municipal', channel: 'media' }); // 5
    await f.monthlyReports.fileOnTime(officeId, Object.values(unit), ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);

    // Q1: M1 平 省委组工信息 → 20.  M2 平 50% / 秋 50%, 市日报 front 5 × 1.5 = 7.5 → 3.75 each.
    //     M3 瑞 市日报 → 5.   Totals: 平 23.75, 秋 3.75, 瑞 5.
    // Q2: M3 瑞 中央媒体 30 → top-up 30 − 5 = 25.  约稿 due 05-31 answered by 秋 with M4,
    //     not yet verified → −3.   Totals: 平 0, 秋 −3, 瑞 25.
    const m1 = await f.articles.create({ officeId, title: 'M1 平街道信息', units: [unit.P], submittedAt: '2024-02-01' });
    m1Placement = (await f.placements.create({ article: m1, outlet: pb, publishedAt: '2024-02-10T09:00:00+08:00' })).id;
    const m2 = await f.articles.create({ officeId, title: 'M2 平秋联合稿', units: [{ unitId: unit.P, sharePercent: 50 }, { unitId: unit.Q, sharePercent: 50 }], submittedAt: '2024-03-01' });
    await f.placements.create({ article: m2, outlet: mm, publishedAt: '2024-03-05T09:00:00+08:00', prominence: 'front' });
    const m3 = await f.articles.create({ officeId, title: 'M3 瑞局经验', units: [unit.R], submittedAt: '2024-03-10' });
    m3EarlyPlacement = (await f.placements.create({ article: m3, outlet: mm, publishedAt: '2024-03-20T09:00:00+08:00' })).id;
    await f.placements.create({ article: m3, outlet: cm, publishedAt: '2024-04-10T09:00:00+08:00' });
    const m4 = await f.articles.create({ officeId, title: 'M4 秋镇约稿回复', units: [unit.Q], submittedAt: '2024-05-20T10:00:00+08:00', status: 'submitted' });
    await f.commissions.create({ officeId, topic: '乡村振兴约稿', deadline: '2024-05-31', targets: [{ unitId: unit.Q, articleId: m4.id }] });
    Object.assign(article, { m1: m1.id, m2: m2.id, m3: m3.id, m4: m4.id });

    token = await t.login('led-office');
    const created = await t.http().post('/api/schemes').set(bearer(token)).send({ effectiveFrom: '2024-Q1', document: STANDARD });
    if (created.status !== 201) throw new Error(`creating the scheme version failed: ${JSON.stringify(created.body)}`);
    const job = await t.waitForJob(token, created.body.recomputeJob.id);
    if (job.status !== 'done') throw new Error(`recompute job ${job.status}: ${job.error}`);
  });

  afterAll(async () => {
    await t?.close();
  });

  const ranking = async (quarter: string, as = token) => {
    const res = await t.http().get('/api/scores/ranking').query({ quarter }).set(bearer(as));
    expect(res.status).toBe(200);
    return (res.body.overall as { code: string; total: number; rank: number }[]).map((r) => [r.code, r.total, r.rank]);
  };
  const statement = (unitId: number, quarter: string, as = token) => t.http().get('/api/scores/statement').query({ unitId, quarter }).set(bearer(as));
  /** Every stored line of the office without its id, in a stable order. */
  const snapshot = () =>
    ds.query(
      `SELECT schemeVersionId, quarter, unitId, amount, ruleId, recordType, recordId, articleId, date, explanation FROM score_lines
       WHERE officeId = ? ORDER BY quarter, unitId, ruleId, recordType, recordId, date, amount`,
      [officeId],
    ).then((rows: Record<string, unknown>[]) => rows.map((r) => ({ ...r, amount: Number(r.amount), unitId: Number(r.unitId), recordId: Number(r.recordId), articleId: r.articleId === null ? null : Number(r.articleId), schemeVersionId: Number(r.schemeVersionId) })));
  const enqueueForArticles = async (articleIds: number[]) => {
    const job = await t.app.get(JobsService).enqueue('scores.recompute', { officeId, articleIds, reason: 'review' }, { businessKey: `test:${officeId}:${articleIds.join(',')}:${Date.now()}`, officeId });
    const done = await t.waitForJob(token, job.id);
    expect(done.status).toBe('done');
    return done.result as { quarters: string[] };
  };
  const lineIdsOf = async (articleId: number) =>
    (await ds.query('SELECT id FROM score_lines WHERE officeId = ? AND articleId = ? ORDER BY id', [officeId, articleId])).map((r: { id: unknown }) => Number(r.id));

  it('ranks each quarter from the lines the scheme version\'s recompute stored', async () => {
    await expect(ranking('2024-Q1')).resolves.toEqual([['P01', 237500, 1], ['R01', 50000, 2], ['P02', 37500, 3]]);
    await expect(ranking('2024-Q2')).resolves.toEqual([['R01', 250000, 1], ['P01', 0, 2], ['P02', -30000, 3]]);
  });

  describe('who reads what', () => {
    it('officers and reviewers read their own unit\'s statement only; leaders and the office any unit', async () => {
      const officer = await t.login('led-officer');
      const reviewer = await t.login('led-reviewer');
      const leader = await t.login('led-leader');
      expect((await statement(unit.P, '2024-Q1', officer)).status).toBe(200);
      // Without a unit an officer gets their own; the office has to choose one.
      const own = await t.http().get('/api/scores/statement').query({ quarter: '2024-Q1' }).set(bearer(officer));
      expect(own.body).toMatchObject({ unit: { code: 'P01' }, totalText: '23.75' });
      const none = await t.http().get('/api/scores/statement').query({ quarter: '2024-Q1' }).set(bearer(token));
      expect(none.status).toBe(422);
      expect(none.body.errors.unitId).toBe('请选择单位');
      expect((await statement(unit.P, '2024-Q1', reviewer)).status).toBe(200);
      const other = await statement(unit.Q, '2024-Q1', officer);
      expect(other.status).toBe(403);
      expect((await statement(unit.Q, '2024-Q1', reviewer)).status).toBe(403);
      expect((await t.http().get('/api/scores/statement.xlsx').query({ unitId: unit.Q, quarter: '2024-Q1' }).set(bearer(officer))).status).toBe(403);
      const q = await statement(unit.Q, '2024-Q1', leader);
      expect(q.status).toBe(200);
      expect(q.body.totalText).toBe('3.75');
      // The ranking is what a 通报 prints: an officer may read it.
      await expect(ranking('2024-Q1', officer)).resolves.toHaveLength(3);
    });

    it('answers 404 for a unit of another office and for a quarter with no version in force', async () => {
      const demoOffice = await t.login('office');
      expect((await statement(unit.P, '2024-Q1', demoOffice)).status).toBe(404);
      const early = await statement(unit.P, '2023-Q4');
      expect(early.status).toBe(404);
      expect(early.body.code).toBe('no_scheme_in_force');
    });

    it('only the office may queue a recompute', async () => {
      const res = await t.http().post('/api/scores/recompute').set(bearer(await t.login('led-leader'))).send({});
      expect(res.status).toBe(403);
    });
  });

  it('downloads the statement as .xlsx with Chinese headers and a total row', async () => {
    const res = await t.http().get('/api/scores/statement.xlsx').query({ unitId: unit.P, quarter: '2024-Q1' }).set(bearer(token))
      .buffer(true).parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('得分明细');
    // quarters are printed as people name them, never as the key (issue #16)
    expect(String(sheet.getRow(1).getCell(1).value)).toContain('2024年第一季度得分明细');
    expect(sheet.getRow(2).values).toEqual([undefined, '序号', '日期', '记录类型', '记录', '规则', '得分', '累计得分', '计分说明', '条款']);
    // 平 Q1: M1 20 on 02-10, then M2 3.75 on 03-05; total 23.75.
    expect([3, 4].map((r) => [2, 4, 5, 6, 7].map((c) => sheet.getRow(r).getCell(c).value))).toEqual([
      ['2024-02-10', 'M1 平街道信息', '刊发采用', 20, 20],
      ['2024-03-05', 'M2 平秋联合稿', '刊发采用', 3.75, 23.75],
    ]);
    expect([1, 6].map((c) => sheet.getRow(5).getCell(c).value)).toEqual(['合计', 23.75]);
  });

  it('previews a draft scheme beside the version in force without storing anything', async () => {
    // Draft: 市级媒体 5 → 100.  Q1 under the draft: 平 20 + 100 × 1.5 ÷ 2 = 95, 秋 75, 瑞 100.
    // Under the version in force: 平 23.75 (1), 瑞 5 (2), 秋 3.75 (3).
    const before = await snapshot();
    const document = STANDARD.replace(MEDIA_ROW, MEDIA_ROW.replace('municipal: 5', 'municipal: 100'));
    const res = await t.http().post('/api/schemes/preview').set(bearer(token)).send({ quarter: '2024-Q1', document });
    expect(res.status).toBe(200);
    expect(res.body.current).toMatchObject({ versionNo: 1 });
    const rows = res.body.rows as { code: string; current: { total: number; rank: number }; draft: { total: number; rank: number; groupRank: number }; change: { total: number; rank: number } }[];
    expect(rows.map((r) => [r.code, r.current.total, r.current.rank, r.draft.total, r.draft.rank, r.change.total, r.change.rank])).toEqual([
      ['R01', 50000, 2, 1000000, 1, 950000, 1],
      ['P01', 237500, 1, 950000, 2, 712500, -1],
      ['P02', 37500, 3, 750000, 3, 712500, 0],
    ]);
    // 瑞 is alone in 部门组; 平 leads 镇街组 under the draft too.
    expect(rows.map((r) => r.draft.groupRank)).toEqual([1, 1, 2]);
    // The ranking by group as the notice lists it: 镇街组 (sort order 1) before 部门组, each by group rank.
    const groups = res.body.groups as { groupName: string; rows: { code: string; draft: { groupRank: number } }[] }[];
    expect(groups.map((g) => [g.groupName, g.rows.map((r) => [r.code, r.draft.groupRank])])).toEqual([
      ['镇街组', [['P01', 1], ['P02', 2]]],
      ['部门组', [['R01', 1]]],
    ]);
    // Rows × levels of the draft's table: M2 and M3 on 市日报 (municipal media), M1 in 省委组工信息 (provincial bulletin).
    expect(res.body.rowHits).toEqual([
      { clause: 'adoption.rows[0]', label: '媒体采用', hits: 2, byLevel: { central: 0, provincial: 0, municipal: 2, district: 0 } },
      { clause: 'adoption.rows[1]', label: '信息简报采用', hits: 1, byLevel: { central: 0, provincial: 1, municipal: 0, district: 0 } },
      { clause: '', label: '未匹配任何行（不计分）', hits: 0, byLevel: { central: 0, provincial: 0, municipal: 0, district: 0 } },
    ]);
    await expect(snapshot()).resolves.toEqual(before);
  });

  describe('recompute', () => {
    it('is idempotent: running it again leaves the same rows', async () => {
      const before = await snapshot();
      expect(before.length).toBeGreaterThan(0);
      for (let run = 0; run < 2; run++) {
        const res = await t.http().post('/api/scores/recompute').set(bearer(token)).send({ fromQuarter: '2024-Q1' });
        expect(res.status).toBe(201);
        const job = await t.waitForJob(token, res.body.id);
        expect(job).toMatchObject({ status: 'done', error: null });
        await expect(snapshot()).resolves.toEqual(before);
      }
    });

    it('runs one recompute per office at a time, so a slow job cannot overwrite a newer one', async () => {
      const ledger = t.app.get(ScoreLedgerService);
      const loader = t.app.get(RecordsLoader);
      const lines = t.app.get(ScoreLedgerRepository);
      const load = loader.load.bind(loader);
      const replace = lines.replace.bind(lines);
      // What each job does, in the order it happens: serialised, B loads only after A wrote.
      const events: string[] = [];
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      let loaded!: () => void;
      const aLoaded = new Promise<void>((resolve) => (loaded = resolve));
      const loadSpy = jest.spyOn(loader, 'load').mockImplementation(async (...args) => {
        const first = !events.includes('load');
        events.push('load');
        const input = await load(...args);
        if (first) {
          // Job A has loaded 2024-Q1 while M1's placement still counts; it stalls before writing.
          loaded();
          await gate;
        }
        return input;
      });
      const replaceSpy = jest.spyOn(lines, 'replace').mockImplementation(async (...args) => {
        events.push('replace');
        return replace(...args);
      });
      try {
        const a = ledger.recompute({ officeId, quarters: ['2024-Q1'], reason: 'slow' });
        await aLoaded;
        // Meanwhile the office reopens M1's placement and job B recomputes the quarter.
        await ds.getRepository(Placement).update(m1Placement, { status: 'returned' });
        // The office's chain of recomputes is the service's own state: B must be queued behind A
        // (its tail replaced) before A may go on; a B that ran beside A would be caught here.
        const chain = (ledger as unknown as { running: Map<number, Promise<void>> }).running;
        const tailOfA = chain.get(officeId);
        expect(tailOfA).toBeDefined();
        const b = ledger.recompute({ officeId, quarters: ['2024-Q1'], reason: 'fresh' });
        expect(chain.get(officeId)).not.toBe(tailOfA);
        expect(events).toEqual(['load']);
        open();
        await Promise.all([a, b]);
        expect(events).toEqual(['load', 'replace', 'load', 'replace']);
        // B ran after A, on the records as they are now: 平 keeps only M2's 3.75.
        await expect(ranking('2024-Q1')).resolves.toEqual([['R01', 50000, 1], ['P01', 37500, 2], ['P02', 37500, 2]]);
      } finally {
        open();
        loadSpy.mockRestore();
        replaceSpy.mockRestore();
        await ds.getRepository(Placement).update(m1Placement, { status: 'verified' });
        await ledger.recompute({ officeId, quarters: ['2024-Q1'], reason: 'restore' });
      }
      await expect(ranking('2024-Q1')).resolves.toEqual([['P01', 237500, 1], ['R01', 50000, 2], ['P02', 37500, 3]]);
    });

    it('for a reopened placement, recomputes only that article\'s lines', async () => {
      const untouched = [...(await lineIdsOf(article.m1)), ...(await lineIdsOf(article.m2))];
      // The office reopens M3's Q1 placement; the review workflow then queues the article.
      await ds.getRepository(Placement).update(m3EarlyPlacement, { status: 'returned' });
      const result = await enqueueForArticles([article.m3]);
      expect(result.quarters).toEqual(['2024-Q1', '2024-Q2']);
      // 瑞 loses the Q1 5 and, with no earlier best, earns the full 30 in Q2 instead of a 25 top-up.
      const r2 = await statement(unit.R, '2024-Q2');
      expect(r2.body.lines.map((l: { ruleId: string; amountExact: string }) => [l.ruleId, l.amountExact])).toEqual([['placement', '30.0000']]);
      await expect(ranking('2024-Q1')).resolves.toEqual([['P01', 237500, 1], ['P02', 37500, 2], ['R01', 0, 3]]);
      // Other articles' lines were not rewritten: same rows, same ids.
      await expect(Promise.all([lineIdsOf(article.m1), lineIdsOf(article.m2)]).then((x) => x.flat())).resolves.toEqual(untouched);
    });

    it('for a newly verified 约稿 answer, rescores the commission in its deadline\'s quarter', async () => {
      await ds.getRepository(Article).update(article.m4, { status: 'verified' });
      const result = await enqueueForArticles([article.m4]);
      // M4 has no placements: only the 约稿's quarter is touched.
      expect(result.quarters).toEqual(['2024-Q2']);
      const q2 = await statement(unit.Q, '2024-Q2');
      expect(q2.body.lines.map((l: { ruleId: string; amountExact: string; recordLabel: string }) => [l.ruleId, l.recordLabel, l.amountExact])).toEqual([['commission.on-time', '乡村振兴约稿', '3.0000']]);
    });
  });

  it('previews a quarter of 60 units and 2,000 placements with a few queries, not one per record', async () => {
    // A separate office so the volume does not disturb the numbers above.
    const bigOffice = (await f.offices.create({ name: '容量测试区' })).id;
    await ds.getRepository(SchemeVersion).insert(presetVersionRow(bigOffice, 'standard', '2020-Q1'));
    const groups = [await f.groups.create({ officeId: bigOffice }), await f.groups.create({ officeId: bigOffice })];
    const units: number[] = [];
    for (let i = 0; i < 60; i++) units.push((await f.units.create({ officeId: bigOffice, groupId: groups[i % 2].id })).id);
    const outlets = [
      await f.outlets.create({ officeId: bigOffice, level: 'central', channel: 'media' }),
      await f.outlets.create({ officeId: bigOffice, level: 'provincial', channel: 'bulletin' }),
      await f.outlets.create({ officeId: bigOffice, level: 'municipal', channel: 'media' }),
      await f.outlets.create({ officeId: bigOffice, level: 'district', channel: 'bulletin' }),
    ];
    const ids = await f.articles.createMany(Array.from({ length: 1000 }, (_, i) => ({
      officeId: bigOffice,
      units: i % 5 === 0 ? [units[i % 60], units[(i + 7) % 60]] : [units[i % 60]],
      submittedAt: '2025-01-02',
    })));
    await f.placements.createMany(ids.flatMap((id, i) => [0, 1].map((k) => ({
      article: { id, officeId: bigOffice },
      outlet: outlets[(i + k) % 4],
      publishedAt: `2025-0${1 + ((i + k) % 3)}-${String(1 + (i % 28)).padStart(2, '0')}T09:00:00+08:00`,
      prominence: (i % 10 === 0 ? 'headline' : 'normal') as 'headline' | 'normal',
    }))));
    const bigToken = await t.login((await f.users.create({ officeId: bigOffice, role: 'office' })).username);
    const document = STANDARD.replace(MEDIA_ROW, MEDIA_ROW.replace('central: 30', 'central: 50'));
    // What would make a preview slow is a query per article or placement (1,000 and 2,000
    // here): count the queries instead of timing the run (npm run bench measures the time).
    const queries: string[] = [];
    const spy = jest.spyOn(ds.logger, 'logQuery').mockImplementation((query) => void queries.push(query));
    let res;
    try {
      res = await t.http().post('/api/schemes/preview').set(bearer(bigToken)).send({ quarter: '2025-Q1', document });
    } finally {
      spy.mockRestore();
    }
    expect(res.status).toBe(200);
    expect(res.body.rows).toHaveLength(60);
    // 13 today: the session, then one read per kind of record and reference table.
    expect(queries.length).toBeLessThanOrEqual(20);
  });

  it('serves the ranking page as serialised once: a unit renamed shows at once, a matching If-None-Match answers 304', async () => {
    const get = (headers: Record<string, string> = {}) => t.http().get('/api/scores/ranking').query({ quarter: '2024-Q1' }).set({ ...bearer(token), ...headers });
    const first = await get();
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(first.headers.etag).toBeTruthy();
    const again = await get();
    expect(again.body).toEqual(first.body);
    expect(again.headers.etag).toBe(first.headers.etag);
    const notModified = await get({ 'If-None-Match': first.headers.etag });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    // Units are part of the page (names, groups): a change shows on the next read, no recompute needed.
    await ds.query('UPDATE units SET name = ? WHERE id = ?', ['平街道（改名）', unit.P]);
    try {
      const renamed = await get({ 'If-None-Match': first.headers.etag });
      expect(renamed.status).toBe(200);
      expect(renamed.headers.etag).not.toBe(first.headers.etag);
      expect((renamed.body.overall as { code: string; name: string }[]).find((r) => r.code === 'P01')!.name).toBe('平街道（改名）');
      const figures = (body: { overall: { code: string; total: number; rank: number }[] }) => body.overall.map((r) => [r.code, r.total, r.rank]);
      expect(figures(renamed.body)).toEqual(figures(first.body));
    } finally {
      await ds.query('UPDATE units SET name = ? WHERE id = ?', ['平街道', unit.P]);
    }
    await expect(get()).resolves.toMatchObject({ status: 200, body: first.body });
  });

  describe('ranking counts', () => {
    type Row = { code: string; total: number; placements: { total: number; media: Record<string, number>; bulletin: Record<string, number> } };
    const rowOf = async (code: string, as = token) => {
      const res = await t.http().get('/api/scores/ranking').query({ quarter: '2024-Q3' }).set(bearer(as));
      expect(res.status).toBe(200);
      return (res.body.overall as Row[]).find((r) => r.code === code)!;
    };

    it('follow a placement the office verifies, once the recompute it queues has run (the ranking is cached until then)', async () => {
      const cm = await f.outlets.create({ officeId, code: 'LED-CM3', name: '中央媒体三', level: 'central', channel: 'media' });
      const pb = await f.outlets.create({ officeId, code: 'LED-PB3', name: '省委组工信息三', level: 'provincial', channel: 'bulletin' });
      const a = await f.articles.create({ officeId, title: 'M5 平街道三季度信息', units: [unit.P], submittedAt: '2024-07-01' });
      await f.placements.create({ article: a, outlet: pb, publishedAt: '2024-07-10T09:00:00+08:00' });
      const pending = await f.placements.create({ article: a, outlet: cm, publishedAt: '2024-08-10T09:00:00+08:00', status: 'unit-approved' });
      await t.app.get(ScoreLedgerService).recompute({ officeId, quarters: ['2024-Q3'], reason: 'test' });

      const before = await rowOf('P01');
      expect(before.placements).toMatchObject({ total: 1, bulletin: { provincial: 1 }, media: { central: 0 } });
      // Every role reads the same figures (the cached ones).
      await expect(rowOf('P01', await t.login('led-officer'))).resolves.toEqual(before);

      const verified = await t.http().post(`/api/review/placements/${pending.id}/verify`).set(bearer(token)).send({});
      expect(verified.status).toBe(200);
      const [{ id: jobId }] = await ds.query("SELECT MAX(id) AS id FROM jobs WHERE name = 'scores.recompute' AND officeId = ?", [officeId]);
      await expect(t.waitForJob(token, Number(jobId))).resolves.toMatchObject({ status: 'done' });

      const after = await rowOf('P01');
      expect(after.placements).toMatchObject({ total: 2, bulletin: { provincial: 1 }, media: { central: 1 } });
      // The central adoption's top-up over the provincial 20 adds 10.
      expect(after.total - before.total).toBe(100000);
    });
  });
});
