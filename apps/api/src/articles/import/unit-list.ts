import type { Match, NameMatcher, NamedRef } from './name-matcher';

export interface UnitShare {
  unitId: number;
  /** basis points of 100% (6000 = 60%); null on every unit = equal split */
  shareBp: number | null;
}

const SEPARATORS = /[、,，;；\n]+/;
const WITH_SHARE = /^(.*?)[\s(（:：]*(\d+(?:\.\d+)?)\s*[%％]\s*[)）]?$/;

/**
 * Reads 报送单位: one unit, or several joined by 、 each with an optional percentage
 * (临江街道党工委60%、青石镇党委40%). Same rules as the form: no unit twice, shares on all
 * units or on none, and shares that sum to exactly 100%. Returns units in the order written.
 */
export function parseUnitList(text: string, matcher: NameMatcher<NamedRef>): { units: UnitShare[]; errors: string[] } {
  const errors: string[] = [];
  const units: { unitId: number; percent: number | null }[] = [];
  for (const part of text.normalize('NFKC').split(SEPARATORS).map((p) => p.trim()).filter(Boolean)) {
    const m = WITH_SHARE.exec(part);
    const name = (m ? m[1] : part).trim();
    const percent = m ? Number(m[2]) : null;
    if (m && !/^\d+(\.\d{1,2})?$/.test(m[2])) errors.push(`「${part}」的份额最多两位小数`);
    else if (percent !== null && (percent <= 0 || percent > 100)) errors.push(`「${part}」的份额应大于 0 且不超过 100%`);
    const found: Match<NamedRef> = matcher.match(name);
    if (!found.ok) {
      errors.push(found.message);
      continue;
    }
    if (units.some((u) => u.unitId === found.ref.id)) errors.push(`单位「${found.ref.name}」重复出现`);
    else units.push({ unitId: found.ref.id, percent });
  }
  if (errors.length > 0) return { units: [], errors };
  const withShare = units.filter((u) => u.percent !== null).length;
  if (withShare === 0) return { units: units.map((u) => ({ unitId: u.unitId, shareBp: null })), errors };
  if (withShare !== units.length) return { units: [], errors: ['联合稿件的份额要么都写，要么都不写（平均分配）'] };
  const shares = units.map((u) => ({ unitId: u.unitId, shareBp: Math.round(u.percent! * 100) }));
  const sum = shares.reduce((s, u) => s + u.shareBp, 0);
  if (sum !== 10000) return { units: [], errors: [`各单位份额之和应为 100%，当前为 ${sum / 100}%`] };
  return { units: shares, errors };
}

/**
 * Reads 署名顺序: the signing position of each unit of 报送单位, in the order the units are
 * written ("2、1": the second unit written signs first). Blank keeps the written order. The
 * positions must be 1..n, each once, one per unit. Returns the units in signing order.
 */
export function applySigningOrder(units: UnitShare[], text: string): { units: UnitShare[]; errors: string[] } {
  const written = text.normalize('NFKC').trim();
  if (written === '') return { units, errors: [] };
  const parts = written.split(/[、,，;；\s]+/).filter(Boolean);
  if (parts.some((p) => !/^\d{1,3}$/.test(p))) return { units: [], errors: [`署名顺序「${written}」应为用「、」分隔的正整数，如 2、1`] };
  const positions = parts.map(Number);
  const n = units.length;
  if (positions.length !== n) return { units: [], errors: [`署名顺序写了 ${positions.length} 个位次，报送单位有 ${n} 个单位，应逐一对应`] };
  const seen = new Set<number>();
  const repeated = [...new Set(positions.filter((p) => seen.has(p) || !seen.add(p)))];
  const outside = positions.filter((p) => p < 1 || p > n);
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((p) => !seen.has(p));
  if (repeated.length || outside.length || missing.length) {
    const why = [
      repeated.length ? `${repeated.join('、')} 重复` : '',
      missing.length ? `缺少 ${missing.join('、')}` : '',
      outside.length ? `${outside.join('、')} 超出范围` : '',
    ].filter(Boolean);
    return { units: [], errors: [`署名顺序应为 1 到 ${n} 各一次（${why.join('，')}）`] };
  }
  return { units: units.map((u, i) => ({ u, at: positions[i] })).sort((a, b) => a.at - b.at).map((x) => x.u), errors: [] };
}
