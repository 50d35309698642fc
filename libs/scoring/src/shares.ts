import { formatDecimal, mulDiv, parseFixed } from './fixed-point';
import type { JointSplit, Points, ScoringArticle } from './types';
import { ScoringInputError } from './types';

/** A unit's part of an article as an exact fraction num/den. */
export interface UnitShare {
  unitId: string;
  num: number;
  den: number;
  /** Chinese phrase for explanations; '' when the unit has the whole article. */
  label: string;
}

/** Declared percentages are fixed-point with 4 decimals, so 100% = 1,000,000. */
const HUNDRED_PERCENT = 100 * 10000;

/**
 * Splits an article between its units.
 * - `shares`: declared percentages ("60" → 60/100, "33.33" → 33.33/100); units without a
 *   declaration share what is left equally; with no declaration at all, 1/n each.
 *   Declarations may total less than 100% (a co-author outside the system) but not more.
 * - `equal`: 1/n each, declarations ignored.  - `first-unit`: the first unit gets it all.
 * @throws ScoringInputError for an unparsable or negative share, or shares above 100%.
 */
export function articleShares(article: ScoringArticle, jointSplit: JointSplit): UnitShare[] {
  const units = article.units;
  const n = units.length;
  if (n === 0) return [];
  if (jointSplit === 'first-unit') return [{ unitId: units[0].unitId, num: 1, den: 1, label: n > 1 ? '由第一单位计分' : '' }];
  const declared = jointSplit === 'shares' ? units.filter((u) => u.sharePercent != null && u.sharePercent !== '') : [];
  if (declared.length === 0) {
    return units.map((u) => ({ unitId: u.unitId, num: 1, den: n, label: n > 1 ? `${n} 家均分（1/${n}）` : '' }));
  }
  let sum = 0;
  const parsed = new Map<string, number>();
  for (const u of declared) {
    const v = parseFixed(u.sharePercent as string | number, 4);
    if (v === null || v < 0) {
      throw new ScoringInputError(`稿件《${article.title}》的份额“${String(u.sharePercent)}”无效（0–100，最多 4 位小数）`, article.id);
    }
    parsed.set(u.unitId, v);
    sum += v;
  }
  if (sum > HUNDRED_PERCENT) {
    throw new ScoringInputError(`稿件《${article.title}》的份额合计 ${formatDecimal(sum)}% 超过 100%`, article.id);
  }
  const undeclared = n - declared.length;
  const rest = HUNDRED_PERCENT - sum;
  return units.map((u) => {
    const v = parsed.get(u.unitId);
    if (v !== undefined && u.sharePercent != null && u.sharePercent !== '') {
      return { unitId: u.unitId, num: v, den: HUNDRED_PERCENT, label: v === HUNDRED_PERCENT ? '' : `按份额 ${formatDecimal(v)}%` };
    }
    return {
      unitId: u.unitId,
      num: rest,
      den: HUNDRED_PERCENT * undeclared,
      label: `按剩余份额 ${formatDecimal(rest)}% 的 1/${undeclared}`,
    };
  });
}

/** A unit's line amount: round-half-up(amount × num / den), rounded per line. */
export function shareOf(amount: Points, share: UnitShare): Points {
  return share.num === share.den ? amount : mulDiv(amount, share.num, share.den);
}
