import { readFileSync } from 'fs';
import { join } from 'path';
import { formatPoints } from '../fixed-point';
import type { ScoringArticle, ScoringCommission, ScoringInput, ScoringInstruction, ScoringItemRecord, ScoringPlacement, ScoringUnit } from '../types';
import { LEVEL_LABELS } from '../explain';
import type { ScoreLine2 } from './lines';
import { compileScheme2, parseScheme2 } from './parse';
import type { SchemeDocument2 } from './document';
import { adoptionRowHits, scoreQuarter2, totals2 } from './score';

// The four worked examples of shared/SCHEME-EXAMPLES.md, recorded as the office would and
// scored with the presets in config/schemes/examples. Expected totals are the document's.

const DIR = join(__dirname, '../../../../config/schemes/examples');
const load = (file: string) => readFileSync(join(DIR, file), 'utf8');
const Q = '2026-Q2';
const AS_OF = '2026-07-10';

const unit = (id: string): ScoringUnit => ({ id, code: id, name: `单位${id}`, groupId: 'g', groupName: '镇街组' });
const art = (id: string, units: ScoringArticle['units'], extra: Partial<ScoringArticle> = {}): ScoringArticle => ({ id, title: id, submittedDate: '2026-04-01', units, ...extra });
let seq = 0;
const pl = (articleId: string, outletName: string, extra: Partial<ScoringPlacement>): ScoringPlacement => ({
  id: `p${++seq}`,
  articleId,
  outletId: outletName,
  outletCode: outletName,
  outletName,
  level: 'municipal',
  channel: 'media',
  medium: 'newspaper',
  prominence: 'normal',
  publishedDate: '2026-05-01',
  ...extra,
});
const ins = (id: string, articleId: string, level: ScoringInstruction['level'], leaderTitle: string): ScoringInstruction => ({ id, articleId, level, leaderTitle, date: '2026-05-20' });
const input = (extra: Partial<ScoringInput>): ScoringInput => ({ units: [], articles: [], placements: [], instructions: [], commissions: [], monthlyReports: [], asOfDate: AS_OF, ...extra });

function totalsOf(lines: ScoreLine2[]): Record<string, string> {
  return Object.fromEntries([...totals2(lines)].map(([k, v]) => [k, formatPoints(v, 2)]));
}

/** The words of the printed clause a line must quote, found from the line's clause path in the preset. */
function clauseWords(doc: SchemeDocument2, l: ScoreLine2): string[] {
  const m = /^(adoption\.rows|bonuses|targets|rates|items)\[(\d+)\]$/.exec(l.clause);
  if (m) {
    const i = Number(m[2]);
    if (m[1] === 'adoption.rows') return [`「${doc.adoption.rows[i].label}」`];
    if (m[1] === 'bonuses') return [`「${doc.bonuses![i].label}」`];
    if (m[1] === 'targets') return [`「${doc.targets![i].label}」`];
    if (m[1] === 'rates') return [`「${doc.rates![i].label}」`];
    return [`事项“${doc.items![i].kind}”`];
  }
  const fixed: Record<string, string[]> = {
    instructions: ['领导批示'],
    commission: ['约稿·'],
    monthlyReport: ['月报·'],
    'total.start': ['基础分'],
    'total.deductions': ['扣分', '扣至'],
    'total.bonuses': ['加分合计', '上限'],
  };
  if (l.clause.startsWith('commission.byIssuer.')) return [`约稿·${l.clause.slice('commission.byIssuer.'.length)}·`];
  return fixed[l.clause] ?? [`<no clause text for ${l.clause}>`];
}

function expectClausesNamed(doc: SchemeDocument2, lines: ScoreLine2[], placements: ScoringPlacement[] = []): void {
  for (const l of lines) for (const w of clauseWords(doc, l)) expect(l.explanation).toContain(w);
  // Adoption lines also name the level cell they took: "「媒体宣传」市级 4".
  for (const l of lines.filter((x) => x.clause.startsWith('adoption.rows'))) {
    const p = placements.find((x) => x.id === l.recordId)!;
    expect(l.explanation).toContain(`」${LEVEL_LABELS[p.level]} `);
  }
}

describe('示例一 value tables per level', () => {
  const text = load('example-1-value-tables.yaml');
  const placements = [
    pl('E1-1', '市日报', { level: 'municipal', medium: 'newspaper' }),
    pl('E1-1', '省政府网站', { level: 'provincial', medium: 'web' }),
    pl('E1-1', '人民日报', { level: 'central', medium: 'newspaper', prominence: 'headline' }),
    pl('E1-1', '市委组织部公众号', { level: 'municipal', medium: 'new-media', views: 120000 }),
    pl('E1-2', '区融媒体中心', { level: 'district', medium: 'tv' }),
    pl('E1-2', '省日报', { level: 'provincial', medium: 'newspaper', prominence: 'front' }),
    pl('E1-3', '市委组织部《组工信息》', { level: 'municipal', channel: 'bulletin', medium: 'bulletin', form: 'combined' }),
    pl('E1-3', '区委组织部《组工信息》', { level: 'district', channel: 'bulletin', medium: 'bulletin', form: 'full' }),
  ];
  const rec = input({
    units: [unit('A'), unit('B')],
    articles: [
      art('E1-1', [{ unitId: 'A' }]),
      art('E1-2', [{ unitId: 'A', sharePercent: '60' }, { unitId: 'B', sharePercent: '40' }]),
      art('E1-3', [{ unitId: 'B' }]),
    ],
    placements,
    instructions: [ins('I1', 'E1-2', 'municipal', '市委书记')],
  });

  it('parses without errors or warnings', () => {
    expect(parseScheme2(text)).toMatchObject({ ok: true, warnings: [] });
  });

  it('gives A 74.80 and B 12.50, each line naming its clause', () => {
    const lines = scoreQuarter2(compileScheme2(text), rec, Q);
    expect(totalsOf(lines)).toEqual({ A: '74.80', B: '12.50' });
    expectClausesNamed(compileScheme2(text).source, lines, placements);
  });

  it.each<[string, string, string, string]>([
    ['人民日报 头版头条 (row 头版头条, central)', '人民日报', 'A', '50.0000'],
    ['省政府网站 (row 网络媒体, provincial)', '省政府网站', 'A', '6.0000'],
    ['区委组织部《组工信息》全文 (row 刊物采用, district)', '区委组织部《组工信息》', 'B', '3.0000'],
    ['市委组织部《组工信息》综合 (row 综合采用, before the level rows)', '市委组织部《组工信息》', 'B', '0.3000'],
    ['省日报 头版 is not 头条: 媒体宣传 provincial 12 × 40%', '省日报', 'B', '4.8000'],
  ])('%s', (_label, outlet, unitId, amount) => {
    const lines = scoreQuarter2(compileScheme2(text), rec, Q);
    const p = placements.find((x) => x.outletName === outlet)!;
    expect(lines.filter((l) => l.recordId === p.id && l.unitId === unitId && l.ruleId === 'placement').map((l) => formatPoints(l.amount, 4))).toEqual([amount]);
  });

  it('counts the placements each row takes, for the what-if preview', () => {
    const hits = adoptionRowHits(compileScheme2(text), rec, Q);
    expect(Object.fromEntries(hits)).toEqual({ 'adoption.rows[0]': 1, 'adoption.rows[1]': 1, 'adoption.rows[2]': 3, 'adoption.rows[3]': 2, 'adoption.rows[4]': 1, '': 0 });
  });

  it('keeps the top two levels of E1-1 and counts the reach bonus outside that rule', () => {
    const lines = scoreQuarter2(compileScheme2(text), rec, Q).filter((l) => l.articleId === 'E1-1');
    expect(lines.map((l) => [l.ruleId, formatPoints(l.amount, 2)]).sort()).toEqual([['bonus', '5.00'], ['placement', '50.00'], ['placement', '6.00']]);
  });
});

describe('示例二 starting points, deductions stop at zero, quotas, rates, penalties', () => {
  const text = load('example-2-start-deductions-caps.yaml');
  const arts: ScoringArticle[] = [
    ...['C1', 'C2', 'C3', 'C4', 'C5', 'C6'].map((id) => art(id, [{ unitId: 'C' }], { submittedDate: '2026-04-15' })),
    ...['D1', 'D2', 'D3'].map((id) => art(id, [{ unitId: 'D' }], { submittedDate: '2026-05-15' })),
    art('E1', [{ unitId: 'E' }], { submittedDate: '2026-06-01' }),
  ];
  const placements = [
    pl('C1', '市日报', { level: 'municipal' }),
    pl('C2', '省委组织部《组工信息》', { level: 'provincial', channel: 'bulletin', medium: 'bulletin' }),
    pl('C3', '区融媒体中心', { level: 'district', medium: 'tv' }),
    pl('D1', '中组部《组工信息》', { level: 'central', channel: 'bulletin', medium: 'bulletin', prominence: 'headline' }),
    pl('D2', '省日报', { level: 'provincial', prominence: 'front' }),
  ];
  const commissions: ScoringCommission[] = [
    { id: 'K1', topic: '组织振兴', deadline: '2026-05-20', issuerCategory: '区委组织部', targets: [{ unitId: 'C', answeredArticleSubmittedDate: '2026-05-18' }, { unitId: 'E' }] },
    { id: 'K2', topic: '基层治理', deadline: '2026-06-15', issuerCategory: '市委办公室', targets: [{ unitId: 'C' }, { unitId: 'D', answeredArticleSubmittedDate: '2026-06-20' }, { unitId: 'E' }] },
  ];
  const items: ScoringItemRecord[] = [{ id: 'X1', kind: '虚假信息', unitId: 'C', date: '2026-06-10', articleId: 'C3', title: '经办公室查实' }];
  const rec = input({
    units: [unit('C'), unit('D'), unit('E')],
    articles: arts,
    placements,
    commissions,
    items,
    monthlyReports: [
      { unitId: 'C', month: '2026-04', filedDate: '2026-05-03' },
      { unitId: 'C', month: '2026-05', filedDate: '2026-06-08' },
    ],
  });

  it('parses without errors or warnings', () => {
    expect(parseScheme2(text)).toMatchObject({ ok: true, warnings: [] });
  });

  it('gives C 27.50, D 45.00 and E 0.00, each line naming its clause', () => {
    const lines = scoreQuarter2(compileScheme2(text), rec, Q);
    expect(totalsOf(lines)).toEqual({ C: '27.50', D: '45.00', E: '0.00' });
    expectClausesNamed(compileScheme2(text).source, lines, placements);
  });

  it.each<[string, string, string, string[]]>([
    ['C: false article scores nothing, −3', 'C', 'item', ['-3.00']],
    ['C: K1 on time +1, K2 (市委办公室) missed −4', 'C', 'commission', ['-4.00', '1.00']],
    ['C: May late −0.5, June missing −1', 'C', 'monthly-report', ['-0.50', '-1.00']],
    ['D: 80 + 15 capped at 40 by one line', 'D', 'bonuses.cap', ['-55.00']],
    ['D: 2 short of 5 → −1', 'D', 'target', ['-1.00']],
    ['D: K2 late −1', 'D', 'commission', ['-1.00']],
    ['E: rate 0% → −2', 'E', 'rate', ['-2.00']],
    ['E: 10 − 13 stops at 0 → +3', 'E', 'deductions.floor', ['3.00']],
  ])('%s', (_label, unitId, kind, amounts) => {
    const lines = scoreQuarter2(compileScheme2(text), rec, Q).filter((l) => l.unitId === unitId && l.ruleId.startsWith(kind));
    expect(lines.map((l) => formatPoints(l.amount, 2)).sort()).toEqual([...amounts].sort());
  });

  it('explains the clamp as the office wrote it', () => {
    const floor = scoreQuarter2(compileScheme2(text), rec, Q).find((l) => l.unitId === 'E' && l.ruleId === 'deductions.floor');
    expect(floor?.explanation).toBe('基础分 10 + 扣分 -13，扣至 0：计 -10（本行调整 3.0000 分）');
  });
});

describe('示例三 the same joint article under five split rules', () => {
  // Units listed out of order: the signing order is P, Q, R by signingOrder.
  const rec = input({
    units: [unit('P'), unit('Q'), unit('R')],
    articles: [
      art('J', [
        { unitId: 'R', sharePercent: '20', signingOrder: 3 },
        { unitId: 'P', sharePercent: '50', signingOrder: 1 },
        { unitId: 'Q', sharePercent: '30', signingOrder: 2 },
      ]),
    ],
    placements: [pl('J', '省日报', { level: 'provincial' })],
    instructions: [ins('I', 'J', 'provincial', '省委书记')],
  });
  it.each<[string, string, Record<string, [string, string] | null>]>([
    ['按申报份额 50/30/20', 'shares', { P: ['5.0000', '10.0000'], Q: ['3.0000', '6.0000'], R: ['2.0000', '4.0000'] }],
    ['平均分配', 'equal', { P: ['3.3333', '6.6667'], Q: ['3.3333', '6.6667'], R: ['3.3333', '6.6667'] }],
    ['第一、第二署名单位按 3:2 分配，其余不计', 'weights', { P: ['6.0000', '12.0000'], Q: ['4.0000', '8.0000'], R: null }],
    ['每个单位各计一半（批示全额）', 'each', { P: ['5.0000', '20.0000'], Q: ['5.0000', '20.0000'], R: ['5.0000', '20.0000'] }],
    ['全部计给第一署名单位', 'first-unit', { P: ['10.0000', '20.0000'], Q: null, R: null }],
  ])('%s', (_label, file, expected) => {
    const scheme = compileScheme2(load(`example-3-split-${file}.yaml`));
    const lines = scoreQuarter2(scheme, rec, Q);
    for (const [u, pair] of Object.entries(expected)) {
      const mine = lines.filter((l) => l.unitId === u);
      const got = mine.length ? [formatPoints(mine.find((l) => l.ruleId === 'placement')!.amount, 4), formatPoints(mine.find((l) => l.ruleId === 'instruction')!.amount, 4)] : null;
      expect([u, got]).toEqual([u, pair]);
    }
    expectClausesNamed(scheme.source, lines, rec.placements);
  });
});

describe('示例四 form × length tables, other record kinds, monthly targets', () => {
  const text = load('example-4-form-length-targets.yaml');
  const own = (id: string, date: string, words: number | null) => art(id, [{ unitId: 'F' }], { submittedDate: date, wordCount: words });
  const bulletin = { channel: 'bulletin', medium: 'bulletin' } as const;
  const placements = [
    pl('F1', '省委组织部《组工信息》', { level: 'provincial', ...bulletin }),
    pl('F2', '市委组织部《组工信息》', { level: 'municipal', ...bulletin }),
    pl('F3', '中组部《组工信息》网络版', { level: 'central', channel: 'bulletin', medium: 'web' }),
    pl('F4', '区委组织部《组工信息》', { level: 'district', ...bulletin, form: 'excerpt' }),
    pl('F5', '市委组织部《组工信息》', { level: 'municipal', ...bulletin }),
  ];
  const rec = (asOfDate: string) =>
    input({
      asOfDate,
      units: [unit('F'), unit('G')],
      articles: [
        own('F1', '2026-04-03', 1500),
        own('F2', '2026-04-10', 800),
        own('F3', '2026-04-20', 1200),
        own('F4', '2026-05-06', 600),
        own('F6', '2026-06-02', 900),
        own('F7', '2026-06-15', 700),
        art('F5', [{ unitId: 'F' }, { unitId: 'G' }], { submittedDate: '2026-05-12', wordCount: 1000 }),
      ],
      placements,
      instructions: [ins('I1', 'F1', 'provincial', '省委组织部部长'), ins('I2', 'F5', 'municipal', '市委组织部部长')],
      items: [{ id: 'M1', kind: '会议交流发言', unitId: 'F', date: '2026-05-28', level: 'provincial', title: '全省组织工作会议' }],
    });

  it('parses without errors or warnings', () => {
    expect(parseScheme2(text)).toMatchObject({ ok: true, warnings: [] });
  });

  it('gives F 168.00 and G 11.00, each line naming its clause', () => {
    const lines = scoreQuarter2(compileScheme2(text), rec(AS_OF), Q);
    expect(totalsOf(lines)).toEqual({ F: '168.00', G: '11.00' });
    expectClausesNamed(compileScheme2(text).source, lines, placements);
  });

  it.each<[string, string, string]>([
    ['F1 1500 字 省 纸质全文 → 25', 'F1', '25.0000'],
    ['F2 800 字 市 纸质全文 → 8 (不足 1000 字)', 'F2', '8.0000'],
    ['F3 1200 字 中组部 网络版 → 35', 'F3', '35.0000'],
    ['F4 600 字 区 摘编 → 4', 'F4', '4.0000'],
    ['F5 1000 字 市 纸质全文 → 12, half each', 'F5', '6.0000'],
  ])('%s', (_label, articleId, amount) => {
    const lines = scoreQuarter2(compileScheme2(text), rec(AS_OF), Q).filter((l) => l.articleId === articleId && l.ruleId === 'placement' && l.unitId === 'F');
    expect(lines.map((l) => formatPoints(l.amount, 4))).toEqual([amount]);
  });

  it('applies a month target only once the month has ended', () => {
    const lines = scoreQuarter2(compileScheme2(text), rec('2026-05-31'), Q).filter((l) => l.ruleId === 'target');
    expect(lines.map((l) => [l.unitId, l.recordId, formatPoints(l.amount, 2)])).toEqual([['G', 'G|2026-04', '-2.00']]);
  });
});
