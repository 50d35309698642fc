// The scoring issue's "done when": a district's 2023-Q2 and 2023-Q3 under the `standard`
// preset, recorded with the factories, scored by the real `scores.recompute` job through the
// queue, and checked unit by unit (total, every statement line, rank). Every expected number
// is worked out by hand below from config/schemes/standard.yaml:
//   base media 30/10/5/1, bulletin 40/20/10/5 (central/provincial/municipal/district);
//   headline ×2, front ×1.5; instruction bonus 30/20/10/5; repeat adoption top-up; joint
//   split by shares, else equal, each share rounded half-up to 4 places; 约稿 on time +3, late or missed −3 (format-2 rule ids: commission.on-time / .late / .missed);
//   monthly report due the 5th of the next month, late −1, missing −2; ties 1,2,2,4.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { createFactories } from '../factories';
import { bearer, createTestApp, type TestApp } from '../utils/app';
import { testBackends } from '../utils/backends';

const STANDARD = fs.readFileSync(path.join(__dirname, '../../config/schemes/standard.yaml'), 'utf8');

/** One statement line as compared: date, rule, record label, amount and running total (4 places). */
type Line = [date: string, rule: string, record: string, amount: string, running: string];

describe.each(testBackends('scoring-worked-example'))('scoring: the worked example under the standard preset ($label)', (backend) => {
  let t: TestApp;
  let token: string;
  const unit: Record<'A' | 'B' | 'C' | 'D' | 'E', number> = { A: 0, B: 0, C: 0, D: 0, E: 0 };

  beforeAll(async () => {
    t = await createTestApp(backend);
    const f = createFactories(t.app.get(DataSource));
    const office = await f.offices.create({ name: '算例区委组织部办公室' });
    const officeId = office.id;
    const town = await f.groups.create({ officeId, code: 'TOWN', name: '镇街组', sortOrder: 1 });
    const dept = await f.groups.create({ officeId, code: 'DEPT', name: '部门组', sortOrder: 2 });
    unit.A = (await f.units.create({ officeId, groupId: town.id, code: 'A01', name: '甲街道' })).id;
    unit.B = (await f.units.create({ officeId, groupId: town.id, code: 'A02', name: '乙镇' })).id;
    unit.C = (await f.units.create({ officeId, groupId: town.id, code: 'A03', name: '丙街道' })).id;
    unit.D = (await f.units.create({ officeId, groupId: dept.id, code: 'B01', name: '丁局' })).id;
    unit.E = (await f.units.create({ officeId, groupId: dept.id, code: 'B02', name: '戊局' })).id;
    await f.users.create({ officeId, role: 'office', username: 'calc-office' });

    const outlet = async (code: string, name: string, level: 'central' | 'provincial' | 'municipal' | 'district', channel: 'media' | 'bulletin') =>
      f.outlets.create({ officeId, code, name, level, channel });
    const rmrb = await outlet('CALC-RMRB', '人民日报', 'central', 'media'); // 30
    const srb = await outlet('CALC-SRB', '省日报', 'provincial', 'media'); // 10
    const shib = await outlet('CALC-SHIB', '市日报', 'municipal', 'media'); // 5
    const qrm = await outlet('CALC-QRM', '区融媒体中心', 'district', 'media'); // 1
    const swxx = await outlet('CALC-SWXX', '省委组工信息', 'provincial', 'bulletin'); // 20
    const sxx = await outlet('CALC-SXX', '市委组工信息', 'municipal', 'bulletin'); // 10
    const qxx = await outlet('CALC-QXX', '区委组工信息', 'district', 'bulletin'); // 5

    const article = (title: string, units: Parameters<typeof f.articles.create>[0]['units'], submittedAt: string, status?: 'unit-approved') =>
      f.articles.create({ officeId, title, units, submittedAt, status });

    // --- 2023-Q2 ---
    // X1 甲 60% / 乙 40%, 省委组工信息 (bulletin provincial 20) → 甲 12, 乙 8.
    const x1 = await article('X1 甲乙联合稿', [{ unitId: unit.A, sharePercent: 60 }, { unitId: unit.B, sharePercent: 40 }], '2023-04-03T09:00:00+08:00');
    await f.placements.create({ article: x1, outlet: swxx, publishedAt: '2023-04-20T08:00:00+08:00' });
    // X2 甲乙丙 equal, 市委组工信息 (bulletin municipal 10) → 10/3 = 3.33333… → 3.3333 each (half-up per line).
    const x2 = await article('X2 三家联合稿', [unit.A, unit.B, unit.C], '2023-05-02T09:00:00+08:00');
    await f.placements.create({ article: x2, outlet: sxx, publishedAt: '2023-05-10T08:00:00+08:00' });
    // X3 丙 alone: 省日报 10 on 05-15 and 区融媒体 1 on 05-16 → counts once at the highest, 10.
    const x3 = await article('X3 丙街道经验', [unit.C], '2023-05-02T10:00:00+08:00');
    await f.placements.create({ article: x3, outlet: srb, publishedAt: '2023-05-15T08:00:00+08:00' });
    await f.placements.create({ article: x3, outlet: qrm, publishedAt: '2023-05-16T08:00:00+08:00' });
    // X4 丁, 市日报 headline: 5 × 2 = 10. A pending 人民日报 placement and a pending central
    // instruction on it must not count.
    const x4 = await article('X4 丁局头条', [unit.D], '2023-05-20T09:00:00+08:00');
    await f.placements.create({ article: x4, outlet: shib, publishedAt: '2023-06-01T08:00:00+08:00', prominence: 'headline' });
    await f.placements.create({ article: x4, outlet: rmrb, publishedAt: '2023-06-02T08:00:00+08:00', status: 'submitted' });
    await f.instructions.create({ article: x4, level: 'central', instructedDate: '2023-06-11', status: 'submitted' });
    // Instruction by a provincial leader on X1 (+20), split 60/40 → 甲 12, 乙 8, in Q2 (06-20).
    await f.instructions.create({ article: x1, level: 'provincial', leaderTitle: '省委常委、组织部长', instructedDate: '2023-06-20' });
    // An article still waiting for the office: its verified placement must not count.
    const x11 = await article('X11 丁局待核定稿', [unit.D], '2023-05-18T09:00:00+08:00', 'unit-approved');
    await f.placements.create({ article: x11, outlet: srb, publishedAt: '2023-05-20T08:00:00+08:00' });

    // 约稿, deadline 2023-06-15, targets 甲 乙 戊:
    //   甲 answers with X5 submitted 06-15 23:30 Beijing (on the deadline day) → +3;
    //   乙 never answers → −3;
    //   戊 answers with X6 submitted 06-16 07:00 Beijing = 06-15 23:00 UTC: late in the
    //   business zone (a UTC date would wrongly call it on time) → −3.
    const x5 = await article('X5 甲街道约稿回复', [unit.A], '2023-06-15T23:30:00+08:00');
    const x6 = await article('X6 戊局约稿回复', [unit.E], '2023-06-16T07:00:00+08:00');
    await f.commissions.create({ officeId, topic: '基层治理约稿', deadline: '2023-06-15', targets: [{ unitId: unit.A, articleId: x5.id }, { unitId: unit.B }, { unitId: unit.E, articleId: x6.id }] });

    // The quarter boundary at midnight Beijing time, 区委组工信息 (bulletin district 5):
    //   X7 戊 2023-06-30 23:50 +08:00 → 2023-06-30, Q2 → 戊 +5 in Q2;
    //   X8 乙 2023-07-01 00:10 +08:00 (= 06-30 16:10 UTC) → 2023-07-01, Q3 → 乙 +5 in Q3.
    const x7 = await article('X7 戊局季末稿', [unit.E], '2023-06-25T09:00:00+08:00');
    await f.placements.create({ article: x7, outlet: qxx, publishedAt: '2023-06-30T23:50:00+08:00' });
    const x8 = await article('X8 乙镇季初稿', [unit.B], '2023-06-26T09:00:00+08:00');
    await f.placements.create({ article: x8, outlet: qxx, publishedAt: '2023-07-01T00:10:00+08:00' });

    // Monthly reports: everyone files on time, except 丙's May report, filed 06-06 07:00
    // Beijing (06-05 23:00 UTC): due 06-05, late → −1; and 戊 never files June (due 07-05) → −2.
    const all = Object.values(unit);
    await f.monthlyReports.fileOnTime(officeId, all, ['2023-04', '2023-07', '2023-08', '2023-09']);
    await f.monthlyReports.fileOnTime(officeId, all.filter((u) => u !== unit.C), ['2023-05']);
    await f.monthlyReports.create({ officeId, unitId: unit.C, month: '2023-05', filedAt: '2023-06-06T07:00:00+08:00' });
    await f.monthlyReports.fileOnTime(officeId, all.filter((u) => u !== unit.E), ['2023-06']);

    // --- 2023-Q3 ---
    // X3 again, 人民日报 30 on 08-01: top-up 30 − 10 (best before Q3) = 20 for 丙 in Q3.
    await f.placements.create({ article: x3, outlet: rmrb, publishedAt: '2023-08-01T08:00:00+08:00' });
    // X9 丁, 省日报 10; X10 戊, 市日报 headline 5 × 2 = 10: 丁 and 戊 tie at 10.
    const x9 = await article('X9 丁局稿', [unit.D], '2023-07-10T09:00:00+08:00');
    await f.placements.create({ article: x9, outlet: srb, publishedAt: '2023-07-20T08:00:00+08:00' });
    const x10 = await article('X10 戊局稿', [unit.E], '2023-08-01T09:00:00+08:00');
    await f.placements.create({ article: x10, outlet: shib, publishedAt: '2023-08-10T08:00:00+08:00', prominence: 'headline' });

    // Saving the scheme version queues the recompute from its quarter on; wait for that job.
    token = await t.login('calc-office');
    const created = await t.http().post('/api/schemes').set(bearer(token)).send({ effectiveFrom: '2023-Q1', document: STANDARD });
    if (created.status !== 201) throw new Error(`creating the scheme version failed: ${JSON.stringify(created.body)}`);
    const job = await t.waitForJob(token, created.body.recomputeJob.id);
    if (job.status !== 'done') throw new Error(`recompute job ${job.status}: ${job.error}`);
  });

  afterAll(async () => {
    await t?.close();
  });

  const statement = async (u: keyof typeof unit, quarter: string) => {
    const res = await t.http().get('/api/scores/statement').query({ unitId: unit[u], quarter }).set(bearer(token));
    expect(res.status).toBe(200);
    return res.body as { lines: { date: string; ruleId: string; recordLabel: string; amountExact: string; runningTotalExact: string; explanation: string }[]; totalExact: string; totalText: string };
  };
  const compact = (s: Awaited<ReturnType<typeof statement>>): Line[] => s.lines.map((l) => [l.date, l.ruleId, l.recordLabel, l.amountExact, l.runningTotalExact]);

  describe('2023-Q2', () => {
    it.each<[keyof typeof unit, string, Line[]]>([
      // 甲: 12 + 3.3333 + 3 + 12 = 30.3333
      ['A', '30.3333', [
        ['2023-04-20', 'placement', 'X1 甲乙联合稿', '12.0000', '12.0000'],
        ['2023-05-10', 'placement', 'X2 三家联合稿', '3.3333', '15.3333'],
        ['2023-06-15', 'commission.on-time', '基层治理约稿', '3.0000', '18.3333'],
        ['2023-06-20', 'instruction', 'X1 甲乙联合稿', '12.0000', '30.3333'],
      ]],
      // 乙: 8 + 3.3333 − 3 + 8 = 16.3333
      ['B', '16.3333', [
        ['2023-04-20', 'placement', 'X1 甲乙联合稿', '8.0000', '8.0000'],
        ['2023-05-10', 'placement', 'X2 三家联合稿', '3.3333', '11.3333'],
        ['2023-06-15', 'commission.missed', '基层治理约稿', '-3.0000', '8.3333'],
        ['2023-06-20', 'instruction', 'X1 甲乙联合稿', '8.0000', '16.3333'],
      ]],
      // 丙: 3.3333 + 10 − 1 = 12.3333 (the late May report is dated on its due day, 06-05)
      ['C', '12.3333', [
        ['2023-05-10', 'placement', 'X2 三家联合稿', '3.3333', '3.3333'],
        ['2023-05-15', 'placement', 'X3 丙街道经验', '10.0000', '13.3333'],
        ['2023-06-05', 'monthly-report.late', '2023-05 月度报告', '-1.0000', '12.3333'],
      ]],
      // 丁: 10 (the pending placement, pending instruction and unverified article add nothing)
      ['D', '10.0000', [
        ['2023-06-01', 'placement', 'X4 丁局头条', '10.0000', '10.0000'],
      ]],
      // 戊: −3 + 5 − 2 = 0 (the missing June report is dated on its due day, 07-05, but belongs to Q2)
      ['E', '0.0000', [
        ['2023-06-15', 'commission.late', '基层治理约稿', '-3.0000', '-3.0000'],
        ['2023-06-30', 'placement', 'X7 戊局季末稿', '5.0000', '2.0000'],
        ['2023-07-05', 'monthly-report.missing', '2023-06 月度报告', '-2.0000', '0.0000'],
      ]],
    ])('unit %s totals %s with exactly these lines', async (u, total, lines) => {
      const s = await statement(u, '2023-Q2');
      expect(compact(s)).toEqual(lines);
      expect(s.totalExact).toBe(total);
    });

    it('explains each line in Chinese', async () => {
      const a = await statement('A', '2023-Q2');
      expect(a.lines[1].explanation).toContain('3 家均分（1/3）');
      expect(a.lines[1].explanation).toContain('计 3.3333 分');
      const c = await statement('C', '2023-Q2');
      expect(c.lines[1].explanation).toContain('本季度共 2 次采用，取最高');
      const e = await statement('E', '2023-Q2');
      expect(e.lines[0].explanation).toContain('逾期完成');
      expect(e.lines[2].explanation).toContain('未报送');
    });

    it('ranks overall and within each group, with verified placement counts', async () => {
      const res = await t.http().get('/api/scores/ranking').query({ quarter: '2023-Q2' }).set(bearer(token));
      expect(res.status).toBe(200);
      // 30.3333 > 16.3333 > 12.3333 > 10 > 0
      expect(res.body.overall.map((r: { code: string; totalText: string; rank: number }) => [r.code, r.totalText, r.rank])).toEqual([
        ['A01', '30.33', 1], ['A02', '16.33', 2], ['A03', '12.33', 3], ['B01', '10.00', 4], ['B02', '0.00', 5],
      ]);
      expect(res.body.groups.map((g: { groupName: string; rows: { code: string; rank: number }[] }) => [g.groupName, g.rows.map((r) => [r.code, r.rank])])).toEqual([
        ['镇街组', [['A01', 1], ['A02', 2], ['A03', 3]]],
        ['部门组', [['B01', 1], ['B02', 2]]],
      ]);
      // 丙: X2 (市级信息) + X3 twice (省级媒体, 区级媒体) = 3 verified placements in Q2.
      const c = res.body.overall.find((r: { code: string }) => r.code === 'A03');
      expect(c.placements).toMatchObject({ total: 3, bulletin: { municipal: 1 }, media: { provincial: 1, district: 1 } });
      // 丁: only the verified headline; the pending placement and the unverified article do not count.
      expect(res.body.overall.find((r: { code: string }) => r.code === 'B01').placements.total).toBe(1);
    });
  });

  describe('2023-Q3', () => {
    it.each<[keyof typeof unit, string, Line[]]>([
      ['A', '0.0000', []],
      // 乙: the 07-01 00:10 Beijing placement lands in Q3: 5
      ['B', '5.0000', [['2023-07-01', 'placement', 'X8 乙镇季初稿', '5.0000', '5.0000']]],
      // 丙: top-up 30 − 10 = 20
      ['C', '20.0000', [['2023-08-01', 'placement.top-up', 'X3 丙街道经验', '20.0000', '20.0000']]],
      ['D', '10.0000', [['2023-07-20', 'placement', 'X9 丁局稿', '10.0000', '10.0000']]],
      ['E', '10.0000', [['2023-08-10', 'placement', 'X10 戊局稿', '10.0000', '10.0000']]],
    ])('unit %s totals %s with exactly these lines', async (u, total, lines) => {
      const s = await statement(u, '2023-Q3');
      expect(compact(s)).toEqual(lines);
      expect(s.totalExact).toBe(total);
    });

    it('explains the top-up as the difference over the earlier best', async () => {
      const c = await statement('C', '2023-Q3');
      expect(c.lines[0].explanation).toContain('此前季度最高 10，本季度补差 20');
    });

    it('gives tied units the same rank and skips the next (1, 2, 2, 4), listing a tie by code', async () => {
      const res = await t.http().get('/api/scores/ranking').query({ quarter: '2023-Q3' }).set(bearer(token));
      expect(res.status).toBe(200);
      // 20 > 10 = 10 > 5 > 0
      expect(res.body.overall.map((r: { code: string; total: number; rank: number }) => [r.code, r.total, r.rank])).toEqual([
        ['A03', 200000, 1], ['B01', 100000, 2], ['B02', 100000, 2], ['A02', 50000, 4], ['A01', 0, 5],
      ]);
      expect(res.body.groups.map((g: { rows: { code: string; rank: number }[] }) => g.rows.map((r) => [r.code, r.rank]))).toEqual([
        [['A03', 1], ['A02', 2], ['A01', 3]],
        [['B01', 1], ['B02', 1]],
      ]);
    });
  });
});
