import { formatPoints } from '../fixed-point';
import type { ScoringArticle, ScoringInput, ScoringPlacement } from '../types';
import { ScoringInputError } from '../types';
import type { SchemeDocument2 } from './document';
import { compileScheme2 } from './parse';
import { scoreQuarter2 } from './score';

// One clause of format 2 per case, on a tiny scheme; values derived by hand.

const Q = '2026-Q2';
const ten = { label: '一般', points: 10 };

type Patch = Partial<Omit<SchemeDocument2, 'adoption'>> & { rows?: SchemeDocument2['adoption']['rows']; adoption?: Partial<SchemeDocument2['adoption']> };

function scheme(patch: Patch) {
  const { rows, adoption, ...rest } = patch;
  return compileScheme2({ format: 2, name: '测试', adoption: { rows: rows ?? [ten], ...adoption }, ...rest });
}

const art = (id: string, extra: Partial<ScoringArticle> = {}): ScoringArticle => ({ id, title: id, submittedDate: '2026-04-10', units: [{ unitId: 'u1' }], ...extra });
const pl = (id: string, articleId: string, extra: Partial<ScoringPlacement> = {}): ScoringPlacement => ({
  id, articleId, outletId: 'o', outletCode: 'O', outletName: '某报', level: 'central', channel: 'media', medium: 'newspaper', prominence: 'normal', publishedDate: '2026-05-01', ...extra,
});
const input = (extra: Partial<ScoringInput>): ScoringInput => ({
  units: [{ id: 'u1', code: 'U1', name: '单位1', groupId: 'g1', groupName: '镇街组' }, { id: 'u2', code: 'U2', name: '单位2', groupId: 'g2', groupName: '部门组' }],
  articles: [], placements: [], instructions: [], commissions: [], monthlyReports: [], asOfDate: '2026-07-10', ...extra,
});

/** u1's lines as "ruleId amount", sorted. */
function u1(lines: { unitId: string; ruleId: string; amount: number }[]): string[] {
  return lines.filter((l) => l.unitId === 'u1').map((l) => `${l.ruleId} ${formatPoints(l.amount, 4)}`).sort();
}

describe('scoreQuarter2: one clause per case', () => {
  it.each<[string, Patch, Partial<ScoringInput>, string[]]>([
    [
      'factors on top of the row, multiplied exactly and rounded once: 10 × 2 × 1.5 × 1.2 × 1.1 × 0.5 = 19.8',
      { adoption: { factors: { prominence: { headline: 2 }, words: [{ range: '>=1000', factor: 1.5 }], genre: { 评论: 1.2 }, outlet: { 某报: 1.1 }, form: { excerpt: 0.5 } } } },
      { articles: [art('a', { wordCount: 1200, genre: '评论' })], placements: [pl('p', 'a', { prominence: 'headline', form: 'excerpt' })] },
      ['placement 19.8000'],
    ],
    [
      'a dependent bonus joins the value before the repeat rule: max(10, 10 + 3) = 13',
      { bonuses: [{ label: '头条加分', when: { prominence: 'headline' }, points: 3 }], adoption: { repeat: { keep: 'highest' } } },
      { articles: [art('a')], placements: [pl('p1', 'a'), pl('p2', 'a', { prominence: 'headline' })] },
      ['placement 13.0000'],
    ],
    [
      'independent bonuses count for every placement, kept or not: 10 + 1 + 1',
      { bonuses: [{ label: '阅读量', when: { views: '>=1000' }, points: 1, independent: true }], adoption: { repeat: { keep: 'highest' } } },
      { articles: [art('a')], placements: [pl('p1', 'a', { views: 1000 }), pl('p2', 'a', { views: 5000 }), pl('p3', 'a', { views: 999 })] },
      ['bonus 1.0000', 'bonus 1.0000', 'placement 10.0000'],
    ],
    ['sum keeps every placement', { adoption: { repeat: { keep: 'sum' } } }, { articles: [art('a')], placements: [pl('p1', 'a'), pl('p2', 'a')] }, ['placement 10.0000', 'placement 10.0000']],
    [
      'top-up pays the difference over earlier quarters: 10 − 4',
      { rows: [{ label: '分级', points: { central: 10, municipal: 4 } }] },
      { articles: [art('a')], placements: [pl('p1', 'a', { level: 'municipal', publishedDate: '2026-02-01' }), pl('p2', 'a')] },
      ['placement.top-up 6.0000'],
    ],
    [
      'best-per-level with one level keeps the highest level only',
      { rows: [{ label: '分级', points: { central: 1, provincial: 8 } }], adoption: { repeat: { keep: 'best-per-level', levels: 1 } } },
      { articles: [art('a')], placements: [pl('p1', 'a'), pl('p2', 'a', { level: 'provincial' })] },
      ['placement 1.0000'],
    ],
    [
      'alternatives in when: either condition set matches (Chinese 采用形式 accepted)',
      { rows: [{ label: '摘编或短稿', when: [{ form: '摘编' }, { words: '<500' }], points: 3 }, ten] },
      { articles: [art('a', { wordCount: 2000 }), art('b', { wordCount: 300 }), art('c', { wordCount: 2000 })], placements: [pl('p1', 'a', { form: 'excerpt' }), pl('p2', 'b'), pl('p3', 'c')] },
      ['placement 10.0000', 'placement 3.0000', 'placement 3.0000'],
    ],
    [
      'an empty cell passes the placement to the next row',
      { rows: [{ label: '头条', when: { prominence: 'headline' }, points: { central: 50, district: null } }, { label: '其他', points: 2 }] },
      { articles: [art('a'), art('b')], placements: [pl('p1', 'a', { prominence: 'headline' }), pl('p2', 'b', { prominence: 'headline', level: 'district' })] },
      ['placement 2.0000', 'placement 50.0000'],
    ],
    [
      'position weights with a single unit give it everything',
      { adoption: { split: { weights: [3, 2] } } },
      { articles: [art('a')], placements: [pl('p', 'a')] },
      ['placement 10.0000'],
    ],
    ['net cap: 20 → 15', { total: { net: { cap: 15 } } }, { articles: [art('a'), art('b')], placements: [pl('p1', 'a'), pl('p2', 'b')] }, ['net.cap -5.0000', 'placement 10.0000', 'placement 10.0000']],
    [
      'order bonuses then deductions with floor 0: 0 + 10 − 15 stops at 0',
      { total: { order: ['bonuses', 'deductions'], deductions: { floor: 0 } } },
      { articles: [art('a')], placements: [pl('p', 'a')], adjustments: [{ id: 'j', unitId: 'u1', quarter: Q, amount: -150000, reason: '通报批评' }] },
      ['adjustment -15.0000', 'deductions.floor 5.0000', 'placement 10.0000'],
    ],
    [
      'order deductions then bonuses with floor 0: max(0, 0 − 15) + 10 = 10',
      { total: { order: ['deductions', 'bonuses'], deductions: { floor: 0 } } },
      { articles: [art('a')], placements: [pl('p', 'a')], adjustments: [{ id: 'j', unitId: 'u1', quarter: Q, amount: -150000, reason: '通报批评' }] },
      ['adjustment -15.0000', 'deductions.floor 15.0000', 'placement 10.0000'],
    ],
    [
      'channel cap cuts the channel, then the overall cap the rest: media 10 → 5, 5 + 10 = 15 → 12',
      { total: { bonuses: { cap: 12, channelCaps: { media: 5 } } } },
      { articles: [art('a'), art('b')], placements: [pl('p1', 'a'), pl('p2', 'b', { channel: 'bulletin', medium: 'bulletin' })] },
      ['bonuses.cap -3.0000', 'bonuses.channel-cap -5.0000', 'placement 10.0000', 'placement 10.0000'],
    ],
    [
      'adopted at or above provincial, 2 over a target of 1 at +2 each (the municipal one does not count)',
      {
        rows: [{ label: '分级', points: { central: 0, provincial: 0, municipal: 0 } }],
        targets: [{ label: '省级以上采用', count: 'adopted', minLevel: 'provincial', per: 'quarter', target: 1, eachOver: 2 }],
      },
      { articles: [art('a'), art('b'), art('c'), art('d')], placements: [pl('p1', 'a'), pl('p2', 'b', { level: 'provincial' }), pl('p3', 'c'), pl('p4', 'd', { level: 'municipal' })] },
      ['target 4.0000'],
    ],
    [
      'a target for one group only',
      { targets: [{ label: '镇街报送', count: 'submitted', per: 'quarter', target: 2, eachShort: -1, groups: ['镇街组'] }] },
      { articles: [art('a', { units: [{ unitId: 'u2' }] })] },
      ['target -2.0000'],
    ],
    [
      '约稿 on-time rate at least 100% earns 1; the office’s finding beats the dates',
      { commission: { onTime: 2, missed: -3 }, rates: [{ label: '约稿按时完成率', rate: 'commission-on-time', atLeast: 1, points: 1 }] },
      {
        commissions: [
          { id: 'k1', topic: '甲', deadline: '2026-05-01', targets: [{ unitId: 'u1', answeredArticleSubmittedDate: '2026-04-20' }] },
          { id: 'k2', topic: '乙', deadline: '2026-06-01', targets: [{ unitId: 'u1', answeredArticleSubmittedDate: '2026-05-20' }, { unitId: 'u2', answeredArticleSubmittedDate: '2026-05-20', outcome: 'missed' }] },
        ],
      },
      ['commission.on-time 2.0000', 'commission.on-time 2.0000', 'rate 1.0000'],
    ],
    [
      'an adjustment counts in its own quarter only',
      {},
      { adjustments: [{ id: 'j1', unitId: 'u1', quarter: Q, amount: 25000, reason: '重大活动宣传' }, { id: 'j2', unitId: 'u1', quarter: '2026-Q1', amount: 90000, reason: '上季度' }] },
      ['adjustment 2.5000'],
    ],
    [
      'a flat item kind and a per-level one',
      { items: [{ kind: '网评文章', points: 0.5 }, { kind: '调研报告', points: { central: 20, municipal: 5 } }] },
      { items: [{ id: 'i1', kind: '网评文章', unitId: 'u1', date: '2026-04-02' }, { id: 'i2', kind: '调研报告', unitId: 'u1', date: '2026-05-02', level: 'municipal' }, { id: 'i3', kind: '调研报告', unitId: 'u1', date: '2026-05-03', level: 'provincial' }] },
      ['item 0.5000', 'item 5.0000'],
    ],
  ])('%s', (_label, patch, records, expected) => {
    expect(u1(scoreQuarter2(scheme(patch), input(records), Q))).toEqual(expected);
  });

  it('does not apply a month target before the month has ended, nor a rate before the quarter has', () => {
    const s = scheme({
      targets: [{ label: '月报送', count: 'submitted', per: 'month', target: 1, eachShort: -1 }],
      rates: [{ label: '采用率', rate: 'adoption', below: 0.5, points: -2 }],
    });
    const lines = scoreQuarter2(s, input({ asOfDate: '2026-06-30', articles: [art('a', { submittedDate: '2026-04-03' })] }), Q);
    expect(u1(lines)).toEqual(['target -1.0000']);
  });

  it.each<[string, Partial<ScoringInput>, RegExp]>([
    ['an item of a kind the scheme lacks', { items: [{ id: 'i', kind: '不存在', unitId: 'u1', date: '2026-04-02' }] }, /没有事项“不存在”/],
    ['a per-level item without a level', { items: [{ id: 'i', kind: '调研报告', unitId: 'u1', date: '2026-04-02' }] }, /缺少级别/],
  ])('refuses %s', (_label, records, message) => {
    const s = scheme({ items: [{ kind: '调研报告', points: { central: 20 } }] });
    expect(() => scoreQuarter2(s, input(records), Q)).toThrow(ScoringInputError);
    expect(() => scoreQuarter2(s, input(records), Q)).toThrow(message);
  });
});
