// The worked examples of SCHEME-EXAMPLES.md through the API, scored by the wired format-2
// engine (issue #12): records entered and verified as an office does (units, outlets, joint
// articles in signing order, placements with 采用形式 and reach, 批示, 约稿 with their issuer and
// answers, monthly reports, 事项 recorded by the office, three-level review), each preset of
// config/schemes/examples/ installed as the office's scheme, and every unit's 2026-Q2
// statement checked line by line, each line's explanation naming its clause. 示例二 and 示例四
// each run in an office of their own (their 事项 kinds exist only under their own scheme).
//
// Monthly reports are dated by the server's clock when filed (an officer cannot set the date):
// 示例二's "April on time, May late" is filed with the app's injected clock (TestClock) set to
// those days; the test process's own Date and timers are left alone.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { ScoreLedgerService } from '../../apps/api/src/score-ledger/score-ledger.service';
import { createFactories } from '../factories';
import { bearer, createTestApp, type TestApp } from '../utils/app';
import { testBackends } from '../utils/backends';
import { proveArticle } from '../utils/recording';
import { noonOf } from '../utils/clock';

const preset = (file: string) => fs.readFileSync(path.join(__dirname, '../../config/schemes/examples', file), 'utf8');

type Level = 'central' | 'provincial' | 'municipal' | 'district';
interface StatementLine { ruleId: string; amountExact: string; explanation: string; clause: string | null }
interface Staff { officer: string; reviewer: string }

describe.each(testBackends('scheme-examples'))('scheme format 2: the worked examples through the API ($label)', (backend) => {
  let t: TestApp;
  let office: string;
  let groupId: number;
  let officeId: number;

  beforeAll(async () => {
    t = await createTestApp(backend);
    office = await t.login('office');
    officeId = (await t.http().get('/api/auth/me').set(bearer(office))).body.officeId;
    const groups = (await t.http().get('/api/ranking-groups').set(bearer(office))).body;
    groupId = (Array.isArray(groups) ? groups : groups.items)[0].id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const send = async (method: 'post' | 'put', token: string, url: string, body: object, status: number) => {
    const res = await t.http()[method](url).set(bearer(token)).send(body);
    if (res.status !== status) throw new Error(`${method.toUpperCase()} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const post = (token: string, url: string, body: object, status = 201) => send('post', token, url, body, status);
  const unit = async (code: string, name: string, token = office, group = groupId): Promise<number> => (await post(token, '/api/units', { code, name, groupId: group })).id;
  const outlet = async (code: string, name: string, level: Level, channel: 'media' | 'bulletin', medium: string, token = office): Promise<number> =>
    (await post(token, '/api/outlets', { code, name, level, channel, medium })).id;

  /** The unit's officer and reviewer (accounts are fixtures; every record goes through the API). */
  const staff = async (unitId: number, office_ = officeId): Promise<Staff> => {
    const f = createFactories(t.app.get(DataSource));
    const officer = await f.users.create({ officeId: office_, role: 'officer', unitId });
    const reviewer = await f.users.create({ officeId: office_, role: 'reviewer', unitId });
    return { officer: await t.login(officer.username), reviewer: await t.login(reviewer.username) };
  };

  /** Submitted by the unit, approved by its reviewer, verified by the office: the placements and 批示 go with it. */
  const review = async (s: Staff, articleId: number, token = office) => {
    await proveArticle(t, s.officer, articleId);
    await post(s.officer, `/api/review/articles/${articleId}/submit`, {}, 200);
    await post(s.reviewer, `/api/review/articles/${articleId}/approve`, {}, 200);
    expect(await post(token, `/api/review/articles/${articleId}/verify`, {}, 200)).toMatchObject({ status: 'verified' });
  };

  /** Installs a preset as the version in force from 2026-Q2 and waits for its recompute; returns its id. */
  const install = async (file: string, token = office): Promise<number> => {
    const saved = await post(token, '/api/schemes', { effectiveFrom: '2026-Q2', document: preset(file), note: file });
    expect(saved.summary.format).toBe(2);
    expect((await t.waitForJob(token, saved.recomputeJob.id)).status).toBe('done');
    return saved.id;
  };
  const uninstall = async (id: number) => {
    const res = await t.http().delete(`/api/schemes/${id}`).set(bearer(office));
    expect(res.status).toBe(200);
    expect((await t.waitForJob(office, res.body.recomputeJob.id)).status).toBe('done');
  };

  const statement = async (unitId: number, token = office) => {
    const res = await t.http().get('/api/scores/statement').query({ unitId, quarter: '2026-Q2' }).set(bearer(token));
    expect(res.status).toBe(200);
    return res.body as { lines: StatementLine[]; totalExact: string };
  };

  /** An office of its own with one ranking group, its office user logged in (the account is a fixture). */
  const ownOffice = async (name: string) => {
    const f = createFactories(t.app.get(DataSource));
    const created = await f.offices.create({ name });
    const user = await f.users.create({ officeId: created.id, role: 'office' });
    const token = await t.login(user.username);
    const group = (await post(token, '/api/ranking-groups', { code: 'ALL', name: '全部单位' })).id as number;
    return { token, officeId: created.id, groupId: group };
  };

  /** Scores the quarter once more, so the statement reflects every record entered above. */
  const recompute = async (token: string) => {
    const job = await post(token, '/api/scores/recompute', { quarters: ['2026-Q2'] });
    expect((await t.waitForJob(token, job.id)).status).toBe('done');
  };

  /** A monthly report filed by the unit at `when`: the app's clock is stopped there while it files. */
  const fileReportAt = async (s: Staff, month: string, when: string) => {
    t.clock.set(when);
    try {
      return await send('put', s.officer, `/api/monthly-reports/${month}`, { articlesSubmitted: 2, placementsAdopted: 1 }, 200);
    } finally {
      t.clock.release();
    }
  };

  /** [ruleId, clause, amount] of each line, sorted: the statement as a comparable list. */
  const compact = (s: { lines: StatementLine[] }) => s.lines.map((l) => [l.ruleId, l.clause, l.amountExact]).sort();
  const explained = (s: { lines: StatementLine[] }, clause: string) => s.lines.filter((l) => l.clause === clause).map((l) => l.explanation);

  describe('示例三: one joint article under the five split rules', () => {
    const u: Record<'P' | 'Q' | 'R', number> = { P: 0, Q: 0, R: 0 };

    beforeAll(async () => {
      u.P = await unit('EX3-P', '示例三甲单位');
      u.Q = await unit('EX3-Q', '示例三乙单位');
      u.R = await unit('EX3-R', '示例三丙单位');
      const srb = await outlet('EX3-SRB', '示例三省日报', 'provincial', 'media', 'newspaper');
      const s = await staff(u.P);
      // P signs first, Q second, R third; declared shares 50/30/20.
      const article = await t.clock.during(noonOf('2026-04-08'), () => post(s.officer, '/api/articles', {
        title: '示例三 三家联合稿件',
        submittedAt: '2026-04-08',
        units: [{ unitId: u.P, sharePercent: 50 }, { unitId: u.Q, sharePercent: 30 }, { unitId: u.R, sharePercent: 20 }],
      }));
      if (article.units.map((x: { unitId: number }) => x.unitId).join() !== [u.P, u.Q, u.R].join()) throw new Error('the article lost its signing order');
      await post(s.officer, `/api/articles/${article.id}/placements`, { outletId: srb, publishedAt: '2026-04-20', prominence: 'normal' });
      await post(s.officer, `/api/articles/${article.id}/instructions`, { leaderTitle: '省委常委、组织部长', level: 'provincial', instructedDate: '2026-05-06' });
      await review(s, article.id);
    });

    // [preset, P, Q, R] as [adoption, 批示] per unit, from the table of 示例三.
    it.each<[string, [string, string][]]>([
      ['example-3-split-shares.yaml', [['5.0000', '10.0000'], ['3.0000', '6.0000'], ['2.0000', '4.0000']]],
      ['example-3-split-equal.yaml', [['3.3333', '6.6667'], ['3.3333', '6.6667'], ['3.3333', '6.6667']]],
      ['example-3-split-weights.yaml', [['6.0000', '12.0000'], ['4.0000', '8.0000'], ['0', '0']]],
      ['example-3-split-each.yaml', [['5.0000', '20.0000'], ['5.0000', '20.0000'], ['5.0000', '20.0000']]],
      ['example-3-split-first-unit.yaml', [['10.0000', '20.0000'], ['0', '0'], ['0', '0']]],
    ])('%s gives P, Q and R exactly the table\'s points', async (file, expected) => {
      const id = await install(file);
      try {
        for (const [k, code] of (['P', 'Q', 'R'] as const).entries()) {
          const s = await statement(u[code]);
          const [adoption, instruction] = expected[k];
          const want = [['placement', adoption], ['instruction', instruction]].filter(([, amount]) => amount !== '0');
          expect(s.lines.map((l) => [l.ruleId, l.amountExact])).toEqual(want);
          const tenThousandths = (x: string) => Math.round(Number(x) * 10000);
          expect(tenThousandths(s.totalExact)).toBe(tenThousandths(adoption) + tenThousandths(instruction));
          for (const l of s.lines) {
            // Each line names its clause: the table row and level cell, or the 批示 clause.
            expect(l.clause).toBe(l.ruleId === 'placement' ? 'adoption.rows[0]' : 'instructions');
            expect(l.explanation).toContain(l.ruleId === 'placement' ? '媒体采用' : '批示');
            expect(l.explanation).toContain('省级');
          }
        }
      } finally {
        await uninstall(id);
      }
    });
  });

  describe('示例一: value tables per level, best two levels, 综合 first, reach bonus', () => {
    const u: Record<'A' | 'B', number> = { A: 0, B: 0 };

    beforeAll(async () => {
      u.A = await unit('EX1-A', '示例一甲单位');
      u.B = await unit('EX1-B', '示例一乙单位');
      const o = {
        shib: await outlet('EX1-SHIB', '示例一市日报', 'municipal', 'media', 'newspaper'),
        szfw: await outlet('EX1-SZFW', '示例一省政府网站', 'provincial', 'media', 'web'),
        rmrb: await outlet('EX1-RMRB', '示例一人民日报', 'central', 'media', 'newspaper'),
        gzh: await outlet('EX1-GZH', '示例一市委组织部公众号', 'municipal', 'media', 'new-media'),
        qrm: await outlet('EX1-QRM', '示例一区融媒体中心', 'district', 'media', 'tv'),
        srb: await outlet('EX1-SRB', '示例一省日报', 'provincial', 'media', 'newspaper'),
        sxx: await outlet('EX1-SXX', '示例一市委组织部组工信息', 'municipal', 'bulletin', 'bulletin'),
        qxx: await outlet('EX1-QXX', '示例一区委组织部组工信息', 'district', 'bulletin', 'bulletin'),
      };
      const a = await staff(u.A);
      const b = await staff(u.B);
      // E1-1, A alone: 市日报 4; 省政府网站 6; 人民日报 头版头条 50; 公众号 2 with 120,000 views (+5).
      const e1 = await t.clock.during(noonOf('2026-04-02'), () => post(a.officer, '/api/articles', { title: '示例一 E1-1', submittedAt: '2026-04-02', units: [{ unitId: u.A }] }));
      await post(a.officer, `/api/articles/${e1.id}/placements`, { outletId: o.shib, publishedAt: '2026-04-10' });
      await post(a.officer, `/api/articles/${e1.id}/placements`, { outletId: o.szfw, publishedAt: '2026-04-11' });
      await post(a.officer, `/api/articles/${e1.id}/placements`, { outletId: o.rmrb, publishedAt: '2026-04-12', prominence: 'headline' });
      await post(a.officer, `/api/articles/${e1.id}/placements`, { outletId: o.gzh, publishedAt: '2026-04-13', views: 120000 });
      await review(a, e1.id);
      // E1-2, A 60% / B 40%: 区融媒体中心 电视 1; 省日报 头版 12; a 市委书记 批示 (10).
      const e2 = await t.clock.during(noonOf('2026-05-02'), () => post(a.officer, '/api/articles', { title: '示例一 E1-2', submittedAt: '2026-05-02', units: [{ unitId: u.A, sharePercent: 60 }, { unitId: u.B, sharePercent: 40 }] }));
      await post(a.officer, `/api/articles/${e2.id}/placements`, { outletId: o.qrm, publishedAt: '2026-05-10' });
      await post(a.officer, `/api/articles/${e2.id}/placements`, { outletId: o.srb, publishedAt: '2026-05-11', prominence: 'front' });
      await post(a.officer, `/api/articles/${e2.id}/instructions`, { leaderTitle: '市委书记', level: 'municipal', instructedDate: '2026-05-20' });
      await review(a, e2.id);
      // E1-3, B alone: 市委组织部《组工信息》 综合采用 (0.3); 区委组织部《组工信息》 全文 3.
      const e3 = await t.clock.during(noonOf('2026-06-01'), () => post(b.officer, '/api/articles', { title: '示例一 E1-3', submittedAt: '2026-06-01', units: [{ unitId: u.B }] }));
      await post(b.officer, `/api/articles/${e3.id}/placements`, { outletId: o.sxx, publishedAt: '2026-06-08', form: 'combined' });
      await post(b.officer, `/api/articles/${e3.id}/placements`, { outletId: o.qxx, publishedAt: '2026-06-10', form: 'full' });
      await review(b, e3.id);
    });

    it('previews the preset with per-row hit counts of the quarter\'s placements', async () => {
      const res = await t.http().post('/api/schemes/preview').set(bearer(office)).send({ quarter: '2026-Q2', document: preset('example-1-value-tables.yaml') });
      expect(res.status).toBe(200);
      // 2026-Q2 holds the eight placements of 示例一 and the 省日报 one of 示例三.
      expect(res.body.rowHits.map(({ clause, label, hits }: { clause: string; label: string; hits: number }) => ({ clause, label, hits }))).toEqual([
        { clause: 'adoption.rows[0]', label: '综合采用', hits: 1 },
        { clause: 'adoption.rows[1]', label: '头版头条', hits: 1 },
        { clause: 'adoption.rows[2]', label: '媒体宣传', hits: 4 },
        { clause: 'adoption.rows[3]', label: '网络媒体', hits: 2 },
        { clause: 'adoption.rows[4]', label: '刊物采用', hits: 1 },
        { clause: '', label: '未匹配任何行（不计分）', hits: 0 },
      ]);
      const a = res.body.rows.find((r: { unitId: number }) => r.unitId === u.A);
      expect(a.draft).toMatchObject({ total: 748000, rank: 1 });
    });

    it('gives A 74.80 and B 12.50, each line naming its clause', async () => {
      const id = await install('example-1-value-tables.yaml');
      try {
        const a = await statement(u.A);
        const b = await statement(u.B);
        expect(compact(a)).toEqual([
          ['bonus', 'bonuses[0]', '5.0000'], // 新媒体阅读量10万+, independent of the repeat rule
          ['instruction', 'instructions', '6.0000'], // 市级 10 × 60%
          ['placement', 'adoption.rows[1]', '50.0000'], // 头版头条, central cell
          // E1-2 keeps its two levels, each at 60%: 媒体宣传 省级 12 → 7.2, 区级 1 → 0.6 (7.8 together)
          ['placement', 'adoption.rows[2]', '7.2000'],
          ['placement', 'adoption.rows[2]', '0.6000'],
          ['placement', 'adoption.rows[3]', '6.0000'], // 网络媒体, provincial cell (E1-1's second level)
        ].sort());
        expect(a.totalExact).toBe('74.8000');
        expect(compact(b)).toEqual([
          ['instruction', 'instructions', '4.0000'],
          ['placement', 'adoption.rows[0]', '0.3000'], // 综合采用 before 刊物采用: the municipal level of E1-3
          ['placement', 'adoption.rows[2]', '4.8000'], // E1-2 at 40%: 12 → 4.8, 1 → 0.4 (5.2 together)
          ['placement', 'adoption.rows[2]', '0.4000'],
          ['placement', 'adoption.rows[4]', '3.0000'], // 刊物采用, district cell
        ].sort());
        expect(b.totalExact).toBe('12.5000');
        expect(explained(a, 'adoption.rows[1]')).toEqual([expect.stringContaining('「头版头条」')]);
        expect(explained(a, 'adoption.rows[1]')[0]).toContain('中央级');
        expect(explained(a, 'bonuses[0]')).toEqual([expect.stringContaining('「新媒体阅读量10万+」')]);
        expect(explained(b, 'adoption.rows[0]')).toEqual([expect.stringContaining('「综合采用」')]);
        expect(explained(b, 'adoption.rows[4]')).toEqual([expect.stringContaining('「刊物采用」')]);
        expect(explained(b, 'adoption.rows[4]')[0]).toContain('区县级 3');
        for (const l of [...a.lines, ...b.lines].filter((x) => x.clause === 'instructions')) expect(l.explanation).toContain('批示');
      } finally {
        await uninstall(id);
      }
    });
  });

  describe('示例二: starting points, deductions stop at zero, bonus cap, quota, rate, 约稿 by issuer, 虚假信息', () => {
    const u: Record<'C' | 'D' | 'E', number> = { C: 0, D: 0, E: 0 };
    let token: string;
    let officeE: number;
    let staffE: Staff;
    const recorded: unknown[] = [];

    beforeAll(async () => {
      const own = await ownOffice('示例局');
      token = own.token;
      // The scheme first: its catalogue is what 虚假信息 is recorded against.
      await install('example-2-start-deductions-caps.yaml', token);
      u.C = await unit('EX2-C', '示例二丙单位', token, own.groupId);
      u.D = await unit('EX2-D', '示例二丁单位', token, own.groupId);
      u.E = await unit('EX2-E', '示例二戊单位', token, own.groupId);
      const o = {
        shib: await outlet('SHIB', '市日报', 'municipal', 'media', 'newspaper', token),
        sxx: await outlet('SZZB-ZGXX', '省委组织部组工信息', 'provincial', 'bulletin', 'bulletin', token),
        qrm: await outlet('QRM', '区融媒体中心', 'district', 'media', 'tv', token),
        zxx: await outlet('ZZB-ZGXX', '中组部组工信息', 'central', 'bulletin', 'bulletin', token),
        srb: await outlet('SRB', '省日报', 'provincial', 'media', 'newspaper', token),
      };
      const c = await staff(u.C, own.officeId);
      const d = await staff(u.D, own.officeId);
      const e = await staff(u.E, own.officeId);
      [officeE, staffE] = [own.officeId, e];
      // Monthly reports of C: April on time (due 05-05), May late (due 06-05), June never filed.
      recorded.push(await fileReportAt(c, '2026-04', '2026-05-04T10:00:00+08:00'), await fileReportAt(c, '2026-05', '2026-06-08T10:00:00+08:00'));
      const k1 = await post(token, '/api/commissions', { topic: '示例二 K1', issuedDate: '2026-05-01', deadline: '2026-05-20', targetUnitIds: [u.C, u.E], issuer: '区委组织部' });
      const k2 = await post(token, '/api/commissions', { topic: '示例二 K2', issuedDate: '2026-06-01', deadline: '2026-06-15', targetUnitIds: [u.C, u.D, u.E], issuer: '市委办公室' });
      const article = async (s: Staff, unitId: number, title: string, submittedAt: string, placements: object[]) => {
        const x = await t.clock.during(noonOf(submittedAt), () => post(s.officer, '/api/articles', { title, submittedAt, units: [{ unitId }] }));
        for (const p of placements) await post(s.officer, `/api/articles/${x.id}/placements`, p);
        return x.id as number;
      };
      // C: six articles; 市日报 5, 省委组织部《组工信息》 20, a false one (区融媒体中心 1), K1's answer, two more.
      const cIds = [
        await article(c, u.C, '示例二 C1', '2026-04-03', [{ outletId: o.shib, publishedAt: '2026-04-10' }]),
        await article(c, u.C, '示例二 C2', '2026-04-15', [{ outletId: o.sxx, publishedAt: '2026-04-25' }]),
        await article(c, u.C, '示例二 C3 虚假', '2026-05-06', [{ outletId: o.qrm, publishedAt: '2026-05-12' }]),
        await article(c, u.C, '示例二 C4 答K1', '2026-05-18', []),
        await article(c, u.C, '示例二 C5', '2026-06-02', []),
        await article(c, u.C, '示例二 C6', '2026-06-20', []),
      ];
      await post(c.officer, `/api/commissions/${k1.id}/answer`, { articleId: cIds[3] }, 200);
      for (const id of cIds) await review(c, id, token);
      // The office finds C3 false: the article scores nothing and is not "adopted"; −3.
      recorded.push(await post(token, '/api/items', { unitId: u.C, kind: '虚假信息', title: '报送虚假信息（示例二 C3）', date: '2026-06-10', articleId: cIds[2] }));
      // D: 中组部《组工信息》 头条 (40 × 2), 省日报 头版 (10 × 1.5), and K2 answered after its deadline.
      const dIds = [
        await article(d, u.D, '示例二 D1', '2026-04-08', [{ outletId: o.zxx, publishedAt: '2026-04-20', prominence: 'headline' }]),
        await article(d, u.D, '示例二 D2', '2026-05-08', [{ outletId: o.srb, publishedAt: '2026-05-15', prominence: 'front' }]),
        await article(d, u.D, '示例二 D3 答K2', '2026-06-20', []),
      ];
      await post(d.officer, `/api/commissions/${k2.id}/answer`, { articleId: dIds[2] }, 200);
      for (const id of dIds) await review(d, id, token);
      // E: one article, never adopted.
      await review(e, await article(e, u.E, '示例二 E1', '2026-04-20', []), token);
      await recompute(token);
    });

    it('gives C 27.50, D 45.00 and E 0.00, each line naming its clause', async () => {
      // C's April report was on time, May's late; the office's own 虚假信息 record is verified as saved.
      expect(recorded).toMatchObject([{ month: '2026-04', status: 'on-time' }, { month: '2026-05', status: 'late' }, { kind: '虚假信息', status: 'verified' }]);
      const c = await statement(u.C, token);
      expect(compact(c)).toEqual([
        ['commission.missed', 'commission.byIssuer.市委办公室', '-4.0000'],
        ['commission.on-time', 'commission', '1.0000'],
        ['item', 'items[0]', '-3.0000'],
        ['monthly-report.late', 'monthlyReport', '-0.5000'],
        ['monthly-report.missing', 'monthlyReport', '-1.0000'],
        ['placement', 'adoption.rows[0]', '5.0000'],
        ['placement', 'adoption.rows[1]', '20.0000'],
        ['start', 'total.start', '10.0000'],
      ].sort());
      expect(c.totalExact).toBe('27.5000');
      const d = await statement(u.D, token);
      expect(compact(d)).toEqual([
        ['bonuses.cap', 'total.bonuses', '-55.0000'],
        ['commission.late', 'commission', '-1.0000'],
        ['monthly-report.missing', 'monthlyReport', '-1.0000'],
        ['monthly-report.missing', 'monthlyReport', '-1.0000'],
        ['monthly-report.missing', 'monthlyReport', '-1.0000'],
        ['placement', 'adoption.rows[0]', '15.0000'],
        ['placement', 'adoption.rows[1]', '80.0000'],
        ['start', 'total.start', '10.0000'],
        ['target', 'targets[0]', '-1.0000'],
      ].sort());
      expect(d.totalExact).toBe('45.0000');
      const e = await statement(u.E, token);
      expect(compact(e)).toEqual([
        ['commission.missed', 'commission', '-2.0000'],
        ['commission.missed', 'commission.byIssuer.市委办公室', '-4.0000'],
        ['deductions.floor', 'total.deductions', '3.0000'],
        ['monthly-report.missing', 'monthlyReport', '-1.0000'],
        ['monthly-report.missing', 'monthlyReport', '-1.0000'],
        ['monthly-report.missing', 'monthlyReport', '-1.0000'],
        ['rate', 'rates[0]', '-2.0000'],
        ['start', 'total.start', '10.0000'],
        ['target', 'targets[0]', '-2.0000'],
      ].sort());
      expect(e.totalExact).toBe('0.0000');

      // The clauses as the printed 细则 says them.
      expect(explained(c, 'adoption.rows[1]')).toEqual([expect.stringContaining('「刊物采用」')]);
      expect(explained(c, 'items[0]')).toEqual([expect.stringContaining('事项“虚假信息”')]);
      expect(explained(c, 'items[0]')[0]).toContain('不计分、不计为被采用');
      expect(explained(c, 'commission.byIssuer.市委办公室')).toEqual([expect.stringContaining('约稿·市委办公室·未完成 -4')]);
      expect(explained(c, 'monthlyReport').join()).toContain('月报·逾期 -0.5');
      expect(explained(d, 'adoption.rows[1]')).toEqual([expect.stringContaining('「刊物采用」')]);
      expect(explained(d, 'total.bonuses')).toEqual([expect.stringMatching(/加分合计 95 超过上限 40/)]);
      expect(explained(d, 'targets[0]')).toEqual([expect.stringMatching(/「季度报送任务」.*少 2 篇/)]);
      expect(explained(d, 'commission')).toEqual([expect.stringContaining('逾期完成')]);
      expect(explained(e, 'total.deductions')).toEqual([expect.stringMatching(/基础分 10 \+ 扣分 -13，扣至 0/)]);
      expect(explained(e, 'rates[0]')).toEqual([expect.stringMatching(/「信息采用率」.*0\/1.*低于 25%/)]);
    });

    it('rescores the quarter an article was submitted in when it is verified, adopted or not (the quota counts it)', async () => {
      const x = await t.clock.during(noonOf('2026-05-10'), () => post(staffE.officer, '/api/articles', { title: '示例二 E2 未被采用', submittedAt: '2026-05-10', units: [{ unitId: u.E }] }));
      await review(staffE, x.id, token);
      // What the verification's recompute does, run here to read its result.
      const result = await t.app.get(ScoreLedgerService).recompute({ officeId: officeE, articleIds: [x.id], reason: 'review' });
      expect(result.quarters).toEqual(['2026-Q2']);
      const e = await statement(u.E, token);
      expect(e.lines.filter((l) => l.clause === 'targets[0]').map((l) => l.amountExact)).toEqual(['-1.5000']);
      expect(e.totalExact).toBe('0.0000');
    });

    it('counts approved 加减分 as lines of their own inside the total\'s steps', async () => {
      const second = await createFactories(t.app.get(DataSource)).users.create({ officeId: officeE, role: 'office' });
      const approver = await t.login(second.username);
      for (const [unitId, points, reason] of [[u.D, 2, '获市级表彰'], [u.C, -1, '通报批评']] as const) {
        const a = await post(token, '/api/adjustments', { unitId, quarter: '2026-Q2', points, reason });
        await post(approver, `/api/adjustments/${a.id}/approve`, { version: a.version }, 200);
      }
      await recompute(token);
      // D: bonuses 95 + 2 are still capped at 40; C: deductions −8.5 − 1 leave 0.5 of the 10.
      const d = await statement(u.D, token);
      expect(compact(d)).toEqual(expect.arrayContaining([['adjustment', 'adjustments', '2.0000'], ['bonuses.cap', 'total.bonuses', '-57.0000']]));
      expect(explained(d, 'adjustments')).toEqual([expect.stringMatching(/加分（办公室核定）：获市级表彰/)]);
      expect(d.totalExact).toBe('45.0000');
      const c = await statement(u.C, token);
      expect(explained(c, 'adjustments')).toEqual([expect.stringMatching(/减分（办公室核定）：通报批评，计 -1.0000 分/)]);
      expect(c.totalExact).toBe('26.5000');
    });
  });

  describe('示例四: form × length tables, a meeting speech, 批示 in full to each unit, monthly quotas', () => {
    const u: Record<'F' | 'G', number> = { F: 0, G: 0 };
    let token: string;
    let speech: unknown;

    beforeAll(async () => {
      const own = await ownOffice('示例市');
      token = own.token;
      await install('example-4-form-length-targets.yaml', token);
      u.F = await unit('EX4-F', '示例四F单位', token, own.groupId);
      u.G = await unit('EX4-G', '示例四G单位', token, own.groupId);
      const o = {
        zzb: await outlet('ZZB-ZGXX', '中组部组工信息', 'central', 'bulletin', 'bulletin', token),
        szb: await outlet('SZB-ZGXX', '省委组织部组工信息', 'provincial', 'bulletin', 'bulletin', token),
        shizb: await outlet('SHIZB-ZGXX', '市委组织部组工信息', 'municipal', 'bulletin', 'bulletin', token),
        qzb: await outlet('QZB-ZGXX', '区委组织部组工信息', 'district', 'bulletin', 'bulletin', token),
      };
      const f = await staff(u.F, own.officeId);
      const article = async (title: string, submittedAt: string, wordCount: number, units: object[], placements: object[]) => {
        const x = await t.clock.during(noonOf(submittedAt), () => post(f.officer, '/api/articles', { title, submittedAt, wordCount, units }));
        for (const p of placements) await post(f.officer, `/api/articles/${x.id}/placements`, p);
        return x.id as number;
      };
      const alone = [{ unitId: u.F }];
      // F alone: 3 articles in April, 1 in May, 2 in June.
      const f1 = await article('示例四 F1', '2026-04-03', 1500, alone, [{ outletId: o.szb, publishedAt: '2026-04-20', form: 'full' }]);
      await post(f.officer, `/api/articles/${f1}/instructions`, { leaderTitle: '省委常委、组织部长', level: 'provincial', instructedDate: '2026-05-06' });
      const ids = [
        f1,
        await article('示例四 F2', '2026-04-10', 800, alone, [{ outletId: o.shizb, publishedAt: '2026-04-28', form: 'full' }]),
        // 中组部《组工信息》网络版: the placement's medium is the web edition.
        await article('示例四 F3', '2026-04-24', 1200, alone, [{ outletId: o.zzb, publishedAt: '2026-05-12', medium: 'web' }]),
        await article('示例四 F4', '2026-05-09', 600, alone, [{ outletId: o.qzb, publishedAt: '2026-05-20', form: 'excerpt' }]),
        await article('示例四 F6', '2026-06-05', 900, alone, []),
        await article('示例四 F7', '2026-06-18', 700, alone, []),
      ];
      // F5, F and G equally: 市委组织部《组工信息》纸质 全文 12, a 市级 批示 (10 to each unit).
      const f5 = await article('示例四 F5', '2026-05-14', 1000, [{ unitId: u.F }, { unitId: u.G }], [{ outletId: o.shizb, publishedAt: '2026-05-26', form: 'full' }]);
      await post(f.officer, `/api/articles/${f5}/instructions`, { leaderTitle: '市委书记', level: 'municipal', instructedDate: '2026-06-03' });
      for (const id of [...ids, f5]) await review(f, id, token);
      // The office records F's speech at a 全省 meeting (会议交流发言, recorded by the office only).
      speech = await post(token, '/api/items', { unitId: u.F, kind: '会议交流发言', title: '全省组织工作会议交流发言', date: '2026-05-28', level: 'provincial' });
      await recompute(token);
    });

    it('gives F 168.00 and G 11.00, each line naming its clause', async () => {
      expect(speech).toMatchObject({ kind: '会议交流发言', level: 'provincial', status: 'verified' });
      const f = await statement(u.F, token);
      expect(compact(f)).toEqual([
        ['instruction', 'instructions', '10.0000'],
        ['instruction', 'instructions', '20.0000'],
        ['item', 'items[0]', '60.0000'],
        ['placement', 'adoption.rows[0]', '25.0000'], // F1 纸质 全文 1500 字, 省
        ['placement', 'adoption.rows[0]', '6.0000'], // F5 12, averaged
        ['placement', 'adoption.rows[1]', '4.0000'], // F4 摘编, 区
        ['placement', 'adoption.rows[1]', '8.0000'], // F2 不足 1000 字, 市
        ['placement', 'adoption.rows[2]', '35.0000'], // F3 网络版 1000 字以上, 中组部
      ].sort());
      expect(f.totalExact).toBe('168.0000');
      const g = await statement(u.G, token);
      expect(compact(g)).toEqual([
        ['instruction', 'instructions', '10.0000'],
        ['placement', 'adoption.rows[0]', '6.0000'],
        ['target', 'targets[0]', '-1.0000'],
        ['target', 'targets[0]', '-2.0000'],
        ['target', 'targets[0]', '-2.0000'],
      ].sort());
      expect(g.totalExact).toBe('11.0000');

      expect(explained(f, 'adoption.rows[2]')).toEqual([expect.stringContaining('「网络版1000字以上」')]);
      expect(explained(f, 'adoption.rows[1]').join()).toContain('「纸质版摘编采用或不足1000字」');
      expect(explained(f, 'items[0]')).toEqual([expect.stringMatching(/事项“会议交流发言”.*省级 60/)]);
      expect(explained(g, 'adoption.rows[0]')).toEqual([expect.stringContaining('「纸质版全文采用且1000字以上」')]);
      expect(explained(g, 'instructions')).toEqual([expect.stringContaining('每个署名单位全额计')]);
      expect(explained(g, 'targets[0]').sort()).toEqual([
        expect.stringMatching(/「每月报送任务」2026-04 月报送稿件 0 篇，任务 2 篇，少 2 篇/),
        expect.stringMatching(/「每月报送任务」2026-05 月报送稿件 1 篇，任务 2 篇，少 1 篇/),
        expect.stringMatching(/「每月报送任务」2026-06 月报送稿件 0 篇，任务 2 篇，少 2 篇/),
      ]);
    });
  });
});
