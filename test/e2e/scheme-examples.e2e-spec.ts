// The worked examples of SCHEME-EXAMPLES.md through the API, scored by the wired format-2
// engine (issue #12): records entered and verified as an office does (units, outlets, a joint
// article with its signing order, placements, a 批示, three-level review), each preset of
// config/schemes/examples/ installed as a scheme version, the recompute job run, and every
// unit's 2026-Q2 statement checked line by line, each line's explanation naming its clause.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { createFactories } from '../factories';
import { bearer, createTestApp, type TestApp } from '../utils/app';
import { testBackends } from '../utils/backends';
import { proveArticle } from '../utils/recording';

const preset = (file: string) => fs.readFileSync(path.join(__dirname, '../../config/schemes/examples', file), 'utf8');

type Level = 'central' | 'provincial' | 'municipal' | 'district';
interface StatementLine { ruleId: string; amountExact: string; explanation: string; clause: string | null }

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

  const post = async (token: string, url: string, body: object, status = 201) => {
    const res = await t.http().post(url).set(bearer(token)).send(body);
    if (res.status !== status) throw new Error(`POST ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const unit = async (code: string, name: string): Promise<number> => (await post(office, '/api/units', { code, name, groupId })).id;
  const outlet = async (code: string, name: string, level: Level, channel: 'media' | 'bulletin', medium: string): Promise<number> =>
    (await post(office, '/api/outlets', { code, name, level, channel, medium })).id;

  /** The unit's officer and reviewer (accounts are fixtures; every record goes through the API). */
  const staff = async (unitId: number) => {
    const f = createFactories(t.app.get(DataSource));
    const officer = await f.users.create({ officeId, role: 'officer', unitId });
    const reviewer = await f.users.create({ officeId, role: 'reviewer', unitId });
    return { officer: await t.login(officer.username), reviewer: await t.login(reviewer.username) };
  };

  /** Submitted by the unit, approved by its reviewer, verified by the office: the placements and 批示 go with it. */
  const review = async (s: { officer: string; reviewer: string }, articleId: number) => {
    await proveArticle(t, s.officer, articleId);
    await post(s.officer, `/api/review/articles/${articleId}/submit`, {}, 200);
    await post(s.reviewer, `/api/review/articles/${articleId}/approve`, {}, 200);
    expect(await post(office, `/api/review/articles/${articleId}/verify`, {}, 200)).toMatchObject({ status: 'verified' });
  };

  /** Installs a preset as the version in force from 2026-Q2 and waits for its recompute; returns its id. */
  const install = async (file: string): Promise<number> => {
    const saved = await post(office, '/api/schemes', { effectiveFrom: '2026-Q2', document: preset(file), note: file });
    expect(saved.summary.format).toBe(2);
    expect((await t.waitForJob(office, saved.recomputeJob.id)).status).toBe('done');
    return saved.id;
  };
  const uninstall = async (id: number) => {
    const res = await t.http().delete(`/api/schemes/${id}`).set(bearer(office));
    expect(res.status).toBe(200);
    expect((await t.waitForJob(office, res.body.recomputeJob.id)).status).toBe('done');
  };

  const statement = async (unitId: number) => {
    const res = await t.http().get('/api/scores/statement').query({ unitId, quarter: '2026-Q2' }).set(bearer(office));
    expect(res.status).toBe(200);
    return res.body as { lines: StatementLine[]; totalExact: string };
  };

  describe('示例三: one joint article under the five split rules', () => {
    const u: Record<'P' | 'Q' | 'R', number> = { P: 0, Q: 0, R: 0 };

    beforeAll(async () => {
      u.P = await unit('EX3-P', '示例三甲单位');
      u.Q = await unit('EX3-Q', '示例三乙单位');
      u.R = await unit('EX3-R', '示例三丙单位');
      const srb = await outlet('EX3-SRB', '示例三省日报', 'provincial', 'media', 'newspaper');
      const s = await staff(u.P);
      // P signs first, Q second, R third; declared shares 50/30/20.
      const article = await post(s.officer, '/api/articles', {
        title: '示例三 三家联合稿件',
        submittedAt: '2026-04-08',
        units: [{ unitId: u.P, sharePercent: 50 }, { unitId: u.Q, sharePercent: 30 }, { unitId: u.R, sharePercent: 20 }],
      });
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

  describe('示例一: value tables per level, best two levels, reach bonus (without the 综合 placement)', () => {
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
        qxx: await outlet('EX1-QXX', '示例一区委组织部组工信息', 'district', 'bulletin', 'bulletin'),
      };
      const a = await staff(u.A);
      const b = await staff(u.B);
      // E1-1, A alone: 市日报 4; 省政府网站 6; 人民日报 头版头条 50; 公众号 2 with 120,000 views (+5).
      const e1 = await post(a.officer, '/api/articles', { title: '示例一 E1-1', submittedAt: '2026-04-02', units: [{ unitId: u.A }] });
      await post(a.officer, `/api/articles/${e1.id}/placements`, { outletId: o.shib, publishedAt: '2026-04-10' });
      await post(a.officer, `/api/articles/${e1.id}/placements`, { outletId: o.szfw, publishedAt: '2026-04-11' });
      await post(a.officer, `/api/articles/${e1.id}/placements`, { outletId: o.rmrb, publishedAt: '2026-04-12', prominence: 'headline' });
      await post(a.officer, `/api/articles/${e1.id}/placements`, { outletId: o.gzh, publishedAt: '2026-04-13', views: 120000 });
      await review(a, e1.id);
      // E1-2, A 60% / B 40%: 区融媒体中心 电视 1; 省日报 头版 12; a 市委书记 批示 (10).
      const e2 = await post(a.officer, '/api/articles', { title: '示例一 E1-2', submittedAt: '2026-05-02', units: [{ unitId: u.A, sharePercent: 60 }, { unitId: u.B, sharePercent: 40 }] });
      await post(a.officer, `/api/articles/${e2.id}/placements`, { outletId: o.qrm, publishedAt: '2026-05-10' });
      await post(a.officer, `/api/articles/${e2.id}/placements`, { outletId: o.srb, publishedAt: '2026-05-11', prominence: 'front' });
      await post(a.officer, `/api/articles/${e2.id}/instructions`, { leaderTitle: '市委书记', level: 'municipal', instructedDate: '2026-05-20' });
      await review(a, e2.id);
      // E1-3, B alone: 区委组织部《组工信息》 全文 3. Its 综合 placement (0.3) needs the
      // placement form field (采用形式), which this branch does not record yet: left out.
      const e3 = await post(b.officer, '/api/articles', { title: '示例一 E1-3', submittedAt: '2026-06-01', units: [{ unitId: u.B }] });
      await post(b.officer, `/api/articles/${e3.id}/placements`, { outletId: o.qxx, publishedAt: '2026-06-10' });
      await review(b, e3.id);
    });

    it('previews the preset with per-row hit counts of the quarter\'s placements', async () => {
      const res = await t.http().post('/api/schemes/preview').set(bearer(office)).send({ quarter: '2026-Q2', document: preset('example-1-value-tables.yaml') });
      expect(res.status).toBe(200);
      // 2026-Q2 holds the seven placements of 示例一 and the 省日报 one of 示例三.
      expect(res.body.rowHits).toEqual([
        { clause: 'adoption.rows[0]', label: '综合采用', hits: 0 },
        { clause: 'adoption.rows[1]', label: '头版头条', hits: 1 },
        { clause: 'adoption.rows[2]', label: '媒体宣传', hits: 4 },
        { clause: 'adoption.rows[3]', label: '网络媒体', hits: 2 },
        { clause: 'adoption.rows[4]', label: '刊物采用', hits: 1 },
        { clause: '', label: '未匹配任何行（不计分）', hits: 0 },
      ]);
      const a = res.body.rows.find((r: { unitId: number }) => r.unitId === u.A);
      expect(a.draft).toMatchObject({ total: 748000, rank: 1 });
    });

    it('gives A 74.80 and B 12.20 (12.50 less the 0.3 of the 综合 placement left out), each line naming its clause', async () => {
      const id = await install('example-1-value-tables.yaml');
      try {
        const a = await statement(u.A);
        const b = await statement(u.B);
        const compact = (s: { lines: StatementLine[] }) => s.lines.map((l) => [l.ruleId, l.clause, l.amountExact]).sort();
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
          ['placement', 'adoption.rows[2]', '4.8000'], // E1-2 at 40%: 12 → 4.8, 1 → 0.4 (5.2 together)
          ['placement', 'adoption.rows[2]', '0.4000'],
          ['placement', 'adoption.rows[4]', '3.0000'], // 刊物采用, district cell
        ].sort());
        expect(b.totalExact).toBe('12.2000');
        const explained = (s: { lines: StatementLine[] }, clause: string) => s.lines.find((l) => l.clause === clause)!.explanation;
        expect(explained(a, 'adoption.rows[1]')).toContain('头版头条');
        expect(explained(a, 'adoption.rows[1]')).toContain('中央级');
        expect(explained(a, 'bonuses[0]')).toContain('新媒体阅读量10万+');
        expect(explained(b, 'adoption.rows[4]')).toContain('刊物采用');
      } finally {
        await uninstall(id);
      }
    });
  });
});
