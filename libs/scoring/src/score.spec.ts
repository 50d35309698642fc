import { article, brief, commission, input, instruction, placement, schemeWith, unit } from '../test/fixtures';
import { businessDate } from './quarter';
import type { SchemeDocument } from './scheme.types';
import { scoreAll, scoreQuarter, totals } from './score';
import type { ScoringArticle, ScoringInput, ScoringPlacement } from './types';
import { ScoringInputError } from './types';

const P = 10000; // one point in ten-thousandths

describe('placement score (standard preset, one unit)', () => {
  it.each<[string, Partial<ScoringPlacement>, Partial<SchemeDocument>, Partial<ScoringArticle>, number]>([
    ['media central headline: 30 × 2', { level: 'central', channel: 'media', prominence: 'headline' }, {}, {}, 60 * P],
    ['bulletin provincial front: 20 × 1.5', { level: 'provincial', channel: 'bulletin', prominence: 'front' }, {}, {}, 30 * P],
    ['media district normal: 1 × 1', { level: 'district', channel: 'media', prominence: 'normal' }, {}, {}, 1 * P],
    ['bulletin district headline: 5 × 2', { level: 'district', channel: 'bulletin', prominence: 'headline' }, {}, {}, 10 * P],
    [
      'outlet override 40 replaces base 30, × front 1.5',
      { level: 'central', outletCode: 'RMRB', prominence: 'front' },
      { outletOverrides: [{ outlet: 'RMRB', points: 40 }] },
      {},
      60 * P,
    ],
    [
      'length band 0–499 × 0.8 on 300 words: 5 × 0.8',
      { level: 'municipal' },
      { multipliers: { prominence: { headline: 2, front: 1.5, normal: 1 }, lengthBands: [{ minWords: 0, maxWords: 499, factor: 0.8 }, { minWords: 500, factor: 1.2 }] } },
      { wordCount: 300 },
      4 * P,
    ],
    [
      'no band matches without a word count: 5',
      { level: 'municipal' },
      { multipliers: { prominence: { headline: 2, front: 1.5, normal: 1 }, lengthBands: [{ minWords: 0, maxWords: 499, factor: 0.8 }] } },
      {},
      5 * P,
    ],
    [
      'medium tv 1.2 × genre 评论 1.5: 10 × 2 × 1.2 × 1.5 = 36',
      { level: 'provincial', prominence: 'headline', medium: 'tv' },
      { multipliers: { prominence: { headline: 2, front: 1.5, normal: 1 }, medium: { tv: 1.2 }, genre: { 评论: 1.5 } } },
      { genre: '评论' },
      36 * P,
    ],
    [
      'unconfigured medium and genre count 1',
      { level: 'provincial', medium: 'radio' },
      { multipliers: { prominence: { headline: 2, front: 1.5, normal: 1 }, medium: { tv: 1.2 }, genre: { 评论: 1.5 } } },
      { genre: '通讯' },
      10 * P,
    ],
    [
      'round once, half-up: 1 × 0.5 × 0.0001 = 0.00005 → 0.0001',
      { level: 'district', medium: 'web' },
      { multipliers: { prominence: { headline: 2, front: 1.5, normal: 1 }, medium: { web: 0.5 }, genre: { 短讯: 0.0001 } } },
      { genre: '短讯' },
      1,
    ],
  ])('%s', (_label, p, patch, a, expected) => {
    const lines = scoreQuarter(
      schemeWith(patch),
      input({ articles: [article('a1', [{ unitId: 'u1' }], a)], placements: [placement('p1', 'a1', p)] }),
      '2023-Q3',
    );
    expect(brief(lines)).toEqual([{ unitId: 'u1', amount: expected, ruleId: 'placement', recordId: 'p1' }]);
  });

  it('explains the derivation in Chinese', () => {
    const lines = scoreQuarter(
      schemeWith(),
      input({
        articles: [article('a1', [{ unitId: 'u1', sharePercent: '50' }, { unitId: 'u2', sharePercent: '50' }], { title: '标题' })],
        placements: [placement('p1', 'a1', { outletName: '人民日报', prominence: 'headline' })],
      }),
      '2023-Q3',
    );
    expect(lines[0].explanation).toBe('《标题》被人民日报（中央级·媒体）头条刊发：基础分 30 × 头条 2 = 60；联合稿件按份额 50% 计 30.0000 分');
  });

  // Formula texts are memoized per scheme: placements that differ in one factor must still
  // each get their own derivation, and a second scheme must not reuse the first one's texts.
  it('gives every placement the derivation of its own factors within one input', () => {
    const scheme = schemeWith({
      outletOverrides: [{ outlet: 'RMRB', points: 40 }],
      multipliers: { prominence: { headline: 2, front: 1.5, normal: 1 }, lengthBands: [{ minWords: 0, maxWords: 499, factor: 0.8 }, { minWords: 500, factor: 1.2 }], genre: { 评论: 1.5 } },
    });
    const lines = scoreQuarter(
      scheme,
      input({
        articles: [
          article('a1', [{ unitId: 'u1' }], { wordCount: 300 }),
          article('a2', [{ unitId: 'u1' }], { wordCount: 800 }),
          article('a3', [{ unitId: 'u1' }], { wordCount: 800, genre: '评论' }),
          article('a4', [{ unitId: 'u1' }], { wordCount: 800 }),
        ],
        placements: [
          placement('p1', 'a1', { level: 'central', outletCode: 'XHS', outletName: '新华社' }),
          placement('p2', 'a2', { level: 'central', outletCode: 'XHS', outletName: '新华社' }),
          placement('p3', 'a3', { level: 'central', outletCode: 'XHS', outletName: '新华社' }),
          placement('p4', 'a4', { level: 'central', outletCode: 'RMRB', outletName: '人民日报' }),
        ],
      }),
      '2023-Q3',
    );
    const formula = (id: string) => lines.find((l) => l.recordId === id)!.explanation.split('：')[1].split('；')[0];
    expect(formula('p1')).toBe('基础分 30 × 一般版面 1 × 篇幅 0–499 字 0.8 = 24');
    expect(formula('p2')).toBe('基础分 30 × 一般版面 1 × 篇幅 500 字以上 1.2 = 36');
    expect(formula('p3')).toBe('基础分 30 × 一般版面 1 × 篇幅 500 字以上 1.2 × 体裁“评论” 1.5 = 54');
    expect(formula('p4')).toBe('人民日报特定分 40 × 一般版面 1 × 篇幅 500 字以上 1.2 = 48');
    const other = scoreQuarter(schemeWith(), input({ articles: [article('a2', [{ unitId: 'u1' }], { wordCount: 800 })], placements: [placement('p2', 'a2', { level: 'central', outletCode: 'XHS', outletName: '新华社' })] }), '2023-Q3');
    expect(other[0].explanation).toContain('基础分 30 × 一般版面 1 = 30');
  });

  it('ignores placements of articles not in the input (not verified)', () => {
    expect(scoreQuarter(schemeWith(), input({ placements: [placement('p1', 'missing', {})] }), '2023-Q3')).toEqual([]);
  });
});

describe('time-zone edge: the caller turns instants into business dates', () => {
  it.each([
    ['2023-06-30T16:10:00Z', '2023-Q3', 1],
    ['2023-06-30T16:10:00Z', '2023-Q2', 0],
    ['2023-06-30T15:59:59Z', '2023-Q2', 1],
    ['2023-06-30T15:59:59Z', '2023-Q3', 0],
  ])('placement published at %p scores %p: %p line(s)', (instant, quarter, count) => {
    const lines = scoreQuarter(
      schemeWith(),
      input({ articles: [article('a1')], placements: [placement('p1', 'a1', { publishedDate: businessDate(instant, 'Asia/Shanghai') })] }),
      quarter,
    );
    expect(lines).toHaveLength(count);
  });
});

describe('joint articles', () => {
  // Base used: bulletin municipal normal = 10 points = 100000; media central headline = 60 = 600000.
  const ten = { level: 'municipal', channel: 'bulletin' } as const;
  const sixty = { prominence: 'headline' } as const;
  it.each<[string, ScoringArticle['units'], Partial<ScoringPlacement>, Partial<SchemeDocument>, [string, number][]]>([
    [
      'three equal units of 10 points: 100000 / 3 = 33333.33 → 33333 each (sum 99999)',
      [{ unitId: 'u1' }, { unitId: 'u2' }, { unitId: 'u3' }],
      ten,
      {},
      [['u1', 33333], ['u2', 33333], ['u3', 33333]],
    ],
    ['declared 60/40 of 60 points', [{ unitId: 'u1', sharePercent: '60' }, { unitId: 'u2', sharePercent: 40 }], sixty, {}, [['u1', 36 * P], ['u2', 24 * P]]],
    [
      'declared 33.33/33.33/33.34 of 10 points: 3.333, 3.333, 3.334',
      [{ unitId: 'u1', sharePercent: '33.33' }, { unitId: 'u2', sharePercent: '33.33' }, { unitId: 'u3', sharePercent: '33.34' }],
      ten,
      {},
      [['u1', 33330], ['u2', 33330], ['u3', 33340]],
    ],
    [
      'one declared 50%, two undeclared share the other 50%: 5, 2.5, 2.5',
      [{ unitId: 'u1', sharePercent: '50' }, { unitId: 'u2' }, { unitId: 'u3' }],
      ten,
      {},
      [['u1', 5 * P], ['u2', 25000], ['u3', 25000]],
    ],
    [
      'half-up per line: override 1.0001 split in two = 0.50005 → 0.5001 each',
      [{ unitId: 'u1' }, { unitId: 'u2' }],
      { outletCode: 'X' },
      { outletOverrides: [{ outlet: 'X', points: 1.0001 }] },
      [['u1', 5001], ['u2', 5001]],
    ],
    ['jointSplit equal ignores declared 60/40', [{ unitId: 'u1', sharePercent: 60 }, { unitId: 'u2', sharePercent: 40 }], sixty, { jointSplit: 'equal' }, [['u1', 30 * P], ['u2', 30 * P]]],
    ['jointSplit first-unit gives all to the first', [{ unitId: 'u2' }, { unitId: 'u1' }], sixty, { jointSplit: 'first-unit' }, [['u2', 60 * P]]],
  ])('%s', (_label, units, p, patch, expected) => {
    const lines = scoreQuarter(schemeWith(patch), input({ articles: [article('a1', units)], placements: [placement('p1', 'a1', p)] }), '2023-Q3');
    expect(lines.map((l) => [l.unitId, l.amount])).toEqual(expected);
  });

  it.each([['abc'], ['-10'], ['1.00001']])('rejects the unusable share %p', (share) => {
    const inp = input({ articles: [article('a1', [{ unitId: 'u1', sharePercent: share }, { unitId: 'u2' }])], placements: [placement('p1', 'a1', {})] });
    expect(() => scoreQuarter(schemeWith(), inp, '2023-Q3')).toThrow(ScoringInputError);
  });

  it('rejects declared shares above 100%', () => {
    const inp = input({ articles: [article('a1', [{ unitId: 'u1', sharePercent: 70 }, { unitId: 'u2', sharePercent: 40 }])], placements: [placement('p1', 'a1', {})] });
    expect(() => scoreQuarter(schemeWith(), inp, '2023-Q3')).toThrow(ScoringInputError);
  });
});

describe('repeat adoption across two quarters', () => {
  // One article a1. Q2: p1 media municipal (5) on 05-10, p2 media provincial (10) on 06-01.
  // Q3: p3 media central (30) on 08-01, p4 media provincial headline (10 × 2 = 20) on 09-01.
  const placements = [
    placement('p1', 'a1', { level: 'municipal', publishedDate: '2023-05-10' }),
    placement('p2', 'a1', { level: 'provincial', publishedDate: '2023-06-01' }),
    placement('p3', 'a1', { level: 'central', publishedDate: '2023-08-01' }),
    placement('p4', 'a1', { level: 'provincial', prominence: 'headline', publishedDate: '2023-09-01' }),
  ];
  it.each<[SchemeDocument['repeatAdoption'], string, [string, number, string][]]>([
    ['top-up', '2023-Q2', [['p2', 10 * P, 'placement']]],
    ['top-up', '2023-Q3', [['p3', (30 - 10) * P, 'placement.top-up']]],
    ['highest', '2023-Q2', [['p2', 10 * P, 'placement']]],
    ['highest', '2023-Q3', [['p3', 30 * P, 'placement']]],
    ['sum', '2023-Q2', [['p1', 5 * P, 'placement'], ['p2', 10 * P, 'placement']]],
    ['sum', '2023-Q3', [['p3', 30 * P, 'placement'], ['p4', 20 * P, 'placement']]],
  ])('%s in %s', (policy, quarter, expected) => {
    const lines = scoreQuarter(schemeWith({ repeatAdoption: policy }), input({ articles: [article('a1')], placements }), quarter);
    expect(lines.map((l) => [l.recordId, l.amount, l.ruleId])).toEqual(expected);
  });

  it('top-up: a later, lower placement earns nothing', () => {
    const lower = [placements[2], placement('p5', 'a1', { level: 'municipal', publishedDate: '2023-11-01' })];
    expect(scoreQuarter(schemeWith(), input({ articles: [article('a1')], placements: lower }), '2023-Q4')).toEqual([]);
  });

  it('top-up: over both quarters the article earns its best placement once (30)', () => {
    const lines = scoreAll(schemeWith(), input({ articles: [article('a1')], placements }), ['2023-Q2', '2023-Q3']);
    expect(totals(lines).get('u1')).toBe(30 * P);
    expect(lines[1].explanation).toContain('此前季度最高 10，本季度补差 20');
  });

  it('top-up: equal best scores in a quarter go to the earlier placement', () => {
    const same = [placement('pB', 'a1', { publishedDate: '2023-08-02' }), placement('pA', 'a1', { publishedDate: '2023-08-09' })];
    const lines = scoreQuarter(schemeWith(), input({ articles: [article('a1')], placements: same }), '2023-Q3');
    expect(brief(lines)).toEqual([{ unitId: 'u1', amount: 30 * P, ruleId: 'placement', recordId: 'pB' }]);
  });
});

describe('leader instructions', () => {
  it.each<[string, ReturnType<typeof instruction>[], string, [string, number][]]>([
    ['provincial leader on a two-unit article: 20 / 2 = 10 each', [instruction('i1', 'a1', { level: 'provincial' })], '2023-Q3', [['u1', 10 * P], ['u2', 10 * P]]],
    ['central leader: 30 / 2 = 15 each', [instruction('i1', 'a1', { level: 'central' })], '2023-Q3', [['u1', 15 * P], ['u2', 15 * P]]],
    ['counted in the quarter of its date, not another', [instruction('i1', 'a1', { date: '2023-10-08' })], '2023-Q3', []],
    ['on an article not in the input: ignored', [instruction('i1', 'other', {})], '2023-Q3', []],
  ])('%s', (_label, instructions, quarter, expected) => {
    const lines = scoreQuarter(schemeWith(), input({ articles: [article('a1', [{ unitId: 'u1' }, { unitId: 'u2' }])], instructions }), quarter);
    expect(lines.map((l) => [l.unitId, l.amount])).toEqual(expected);
    lines.forEach((l) => expect(l).toMatchObject({ ruleId: 'instruction', recordType: 'instruction', recordId: 'i1', articleId: 'a1' }));
  });
});

describe('约稿 (commissions), deadline 2023-08-15: fulfilled +3, missed −3', () => {
  it.each<[string, string | null, string, [string, number][]]>([
    ['answered before the deadline', '2023-08-10', '2023-08-12', [['commission.fulfilled', 3 * P]]],
    ['answered on the deadline', '2023-08-15', '2023-09-01', [['commission.fulfilled', 3 * P]]],
    ['answered after the deadline (late)', '2023-08-20', '2023-09-01', [['commission.missed', -3 * P]]],
    ['not answered, deadline passed', null, '2023-08-16', [['commission.missed', -3 * P]]],
    ['not answered, deadline is today: no line yet', null, '2023-08-15', []],
    ['not answered, deadline ahead: no line yet', null, '2023-08-10', []],
  ])('%s', (_label, answered, asOfDate, expected) => {
    const c = commission('c1', '2023-08-15', [{ unitId: 'u1', answeredArticleSubmittedDate: answered }]);
    const lines = scoreQuarter(schemeWith(), input({ commissions: [c], asOfDate }), '2023-Q3');
    expect(lines.map((l) => [l.ruleId, l.amount])).toEqual(expected);
  });

  it('counts in the quarter of the deadline only', () => {
    const c = commission('c1', '2023-10-02', [{ unitId: 'u1', answeredArticleSubmittedDate: '2023-09-20' }]);
    expect(scoreQuarter(schemeWith(), input({ commissions: [c] }), '2023-Q3')).toEqual([]);
    expect(scoreQuarter(schemeWith(), input({ commissions: [c] }), '2023-Q4').map((l) => l.amount)).toEqual([3 * P]);
  });
});

describe('monthly reports in 2023-Q3 (due 08-05, 09-05, 10-05): late −1, missing −2', () => {
  const onTime = [
    { unitId: 'u1', month: '2023-07', filedDate: '2023-08-01' },
    { unitId: 'u1', month: '2023-08', filedDate: '2023-09-05' },
    { unitId: 'u1', month: '2023-09', filedDate: '2023-10-05' },
  ];
  it.each<[string, ScoringInput['monthlyReports'], string, [string, string, number][]]>([
    ['all on time (last on its due date)', onTime, '2023-10-10', []],
    [
      'July late, August on time, September missing',
      [{ unitId: 'u1', month: '2023-07', filedDate: '2023-08-06' }, onTime[1]],
      '2023-10-10',
      [['monthly-report.late', '2023-07', -1 * P], ['monthly-report.missing', '2023-09', -2 * P]],
    ],
    ['nothing filed, asOf 09-05: July missing; August due today, no line yet', [], '2023-09-05', [['monthly-report.missing', '2023-07', -2 * P]]],
    ['nothing filed, asOf 08-01: nothing due yet', [], '2023-08-01', []],
    [
      'a filing dated after asOf counts as not filed',
      [onTime[0], onTime[1], { unitId: 'u1', month: '2023-09', filedDate: '2023-10-20' }],
      '2023-10-10',
      [['monthly-report.missing', '2023-09', -2 * P]],
    ],
    ['a report with no filed date is missing', [{ unitId: 'u1', month: '2023-07', filedDate: null }, onTime[1], onTime[2]], '2023-10-10', [['monthly-report.missing', '2023-07', -2 * P]]],
  ])('%s', (_label, monthlyReports, asOfDate, expected) => {
    const lines = scoreQuarter(schemeWith(), input({ units: [unit('u1')], monthlyReports, asOfDate }), '2023-Q3');
    expect(lines.map((l) => [l.ruleId, l.recordId, l.amount])).toEqual(expected);
    lines.forEach((l) => expect(l.quarter).toBe('2023-Q3'));
  });
});

describe('caps and floor', () => {
  // u1 in Q3: media 60 (central headline) + media 10 (provincial) + bulletin 40 (central) = 110.
  const units = [unit('u1'), unit('u2')];
  const articles = [article('a1'), article('a2'), article('a3')];
  const placements = [
    placement('p1', 'a1', { prominence: 'headline' }),
    placement('p2', 'a2', { level: 'provincial' }),
    placement('p3', 'a3', { channel: 'bulletin' }),
  ];
  const allFiled = ['2023-07', '2023-08', '2023-09'].flatMap((month) =>
    ['u1', 'u2'].map((unitId) => ({ unitId, month, filedDate: '2023-08-01' })),
  );
  it.each<[string, Partial<SchemeDocument>, [string, string, number][], [string, number][]]>([
    ['media cap 50: 70 − 50 = −20', { caps: { media: 50 } }, [['u1', 'cap', -20 * P]], [['u1', 90 * P], ['u2', 0]]],
    ['overall cap 100: 110 − 100 = −10', { caps: { overall: 100 } }, [['u1', 'cap', -10 * P]], [['u1', 100 * P], ['u2', 0]]],
    [
      'media cap 50 then overall 70: −20, then 50 + 40 − 70 = −20',
      { caps: { media: 50, overall: 70 } },
      [['u1', 'cap', -20 * P], ['u1', 'cap', -20 * P]],
      [['u1', 70 * P], ['u2', 0]],
    ],
    ['bulletin cap 40 is not exceeded', { caps: { bulletin: 40 } }, [], [['u1', 110 * P], ['u2', 0]]],
    ['floor 5 raises the unit with no lines', { floor: 5 }, [['u2', 'floor', 5 * P]], [['u1', 110 * P], ['u2', 5 * P]]],
    ['floor 200 raises both', { floor: 200 }, [['u1', 'floor', 90 * P], ['u2', 'floor', 200 * P]], [['u1', 200 * P], ['u2', 200 * P]]],
  ])('%s', (_label, patch, expectedUnitLines, expectedTotals) => {
    const lines = scoreQuarter(schemeWith(patch), input({ units, articles, placements, monthlyReports: allFiled }), '2023-Q3');
    expect(lines.filter((l) => l.recordType === 'unit').map((l) => [l.unitId, l.ruleId, l.amount])).toEqual(expectedUnitLines);
    const t = totals(lines);
    expect(expectedTotals.map(([u]) => [u, t.get(u) ?? 0])).toEqual(expectedTotals);
  });

  it('floor lifts a negative total: −3 (missed 约稿) to 5 is +8', () => {
    const c = commission('c1', '2023-08-15', [{ unitId: 'u2' }]);
    const lines = scoreQuarter(schemeWith({ floor: 5 }), input({ units: [unit('u2')], commissions: [c], monthlyReports: allFiled }), '2023-Q3');
    expect(lines.map((l) => [l.ruleId, l.amount])).toEqual([['commission.missed', -3 * P], ['floor', 8 * P]]);
  });
});

describe('totals', () => {
  it('sums lines per unit exactly', () => {
    const lines = scoreQuarter(
      schemeWith(),
      input({
        articles: [article('a1', [{ unitId: 'u1' }, { unitId: 'u2' }, { unitId: 'u3' }]), article('a2', [{ unitId: 'u1' }])],
        placements: [placement('p1', 'a1', { level: 'municipal', channel: 'bulletin' }), placement('p2', 'a2', { level: 'district' })],
      }),
      '2023-Q3',
    );
    // u1: 33333 (a third of 10) + 10000 (media district 1)
    expect(totals(lines)).toEqual(new Map([['u1', 43333], ['u2', 33333], ['u3', 33333]]));
  });
});
