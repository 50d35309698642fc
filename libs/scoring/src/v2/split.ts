import { formatDecimal, mulDiv, ONE } from '../fixed-point';
import { articleShares } from '../shares';
import type { UnitShare } from '../shares';
import type { Points, ScoringArticle } from '../types';

/** A compiled split rule: declared shares, equal, first unit, weights by signing position, or a fixed fraction each. */
export type CompiledSplit =
  | { kind: 'shares' | 'equal' | 'first-unit' }
  | { kind: 'weights'; weights: number[] }
  | { kind: 'each'; fraction: number };

/** The article's units in signing order (signingOrder when given, else the listed order). */
export function signingOrder(article: ScoringArticle): ScoringArticle {
  const units = article.units;
  if (!units.some((u) => u.signingOrder != null)) return article;
  const sorted = units
    .map((u, i) => ({ u, i }))
    .sort((a, b) => (a.u.signingOrder ?? Infinity) - (b.u.signingOrder ?? Infinity) || a.i - b.i)
    .map((x) => x.u);
  return { ...article, units: sorted };
}

/**
 * Splits an article's points between its units under `split`. `shares`, `equal` and
 * `first-unit` are today's rules (shares.ts); `weights` gives the n-th signed unit
 * weights[n-1] / (sum of the weights of the positions present), later positions nothing;
 * `each` gives every unit the same fraction of the points (not a division).
 * @throws ScoringInputError for unusable declared shares (as today).
 */
export function splitArticle(article: ScoringArticle, split: CompiledSplit): UnitShare[] {
  const ordered = signingOrder(article);
  const units = ordered.units;
  const n = units.length;
  if (split.kind !== 'weights' && split.kind !== 'each') return articleShares(ordered, split.kind);
  if (n === 0) return [];
  if (split.kind === 'each') {
    const label = split.fraction === ONE ? (n > 1 ? '每个署名单位全额计' : '') : `每个署名单位各计 ${formatDecimal(split.fraction * 100)}%`;
    return units.map((u) => ({ unitId: u.unitId, num: split.fraction, den: ONE, label }));
  }
  const w = split.weights;
  let den = 0;
  for (let i = 0; i < n && i < w.length; i++) den += w[i];
  if (den === 0) return [];
  const ratio = w.slice(0, Math.min(n, w.length)).map(formatDecimal).join(':');
  return units.map((u, i) => {
    const num = i < w.length ? w[i] : 0;
    const label = n === 1 ? '' : `按署名顺序 ${ratio} 分配，第 ${i + 1} 署名单位 ${num === 0 ? '不计' : `${formatDecimal(num)}/${formatDecimal(den)}`}`;
    return { unitId: u.unitId, num, den, label };
  });
}

/** A unit's part: round-half-up(amount × num / den), rounded per line. */
export function partOf(amount: Points, share: UnitShare): Points {
  return share.num === share.den ? amount : mulDiv(amount, share.num, share.den);
}
