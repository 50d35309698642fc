import { invalid } from '../common/app-error';
import type { ArticleUnitDto } from './dto/article.dto';

/**
 * Checks the units of a joint article: no unit twice, and either no shares at all (equal
 * split) or a share on every unit summing to exactly 100%. Returns shares in basis points and
 * each unit's signing position: the order the units were given in (1 = 第一署名单位).
 */
export function resolveShares(units: ArticleUnitDto[]): { unitId: number; shareBp: number | null; position: number }[] {
  const seen = new Set<number>();
  units.forEach((u, i) => {
    if (seen.has(u.unitId)) throw invalid({ [`units.${i}.unitId`]: '同一单位不能重复出现' });
    seen.add(u.unitId);
  });
  const withShare = units.filter((u) => u.sharePercent !== undefined && u.sharePercent !== null);
  if (withShare.length === 0) return units.map((u, i) => ({ unitId: u.unitId, shareBp: null, position: i + 1 }));
  if (withShare.length !== units.length) {
    const missing = units.findIndex((u) => u.sharePercent === undefined || u.sharePercent === null);
    throw invalid({ [`units.${missing}.sharePercent`]: '联合稿件要么都填份额，要么都不填（平均分配）' });
  }
  // At most two decimals (validated), so ×100 is an exact integer after rounding away float noise.
  const shares = units.map((u, i) => ({ unitId: u.unitId, shareBp: Math.round(u.sharePercent! * 100), position: i + 1 }));
  const sum = shares.reduce((s, u) => s + u.shareBp, 0);
  if (sum !== 10000) throw invalid({ units: `各单位份额之和应为 100%，当前为 ${(sum / 100).toFixed(2)}%` });
  return shares;
}
