import { formatCountChange, formatScoreChange } from '@app/notice';
import type { SnapshotUnit } from '@app/contracts';

/** Adoptions (录用篇次) of a unit in a snapshot: every level. */
export const placementsOf = (u: SnapshotUnit): number => u.central + u.provincial + u.municipal + u.district;

export interface UnitChange {
  /** "+21.3%", "+8.00分", "上季度无得分" or "—": the notice's rule for when a percentage means something */
  score: string;
  /** "+21.3%", "+9篇", "上季度无录用" or "—" */
  adoptions: string;
  /** places moved up (positive) or down in the overall ranking; null when the unit was not ranked last quarter */
  rank: number | null;
}

/**
 * Each unit against last quarter's published snapshot (环比), by the same rule as the notice
 * (compareWithBase): a percentage only against a meaningful base, the plain difference
 * against a small one, 上季度无录用 against none.
 */
export function changesAgainst(previous: SnapshotUnit[] | null): (u: SnapshotUnit) => UnitChange {
  const before = new Map((previous ?? []).map((p) => [p.unitId, p]));
  return (u) => {
    const p = previous ? before.get(u.unitId) : undefined;
    if (!previous) return { score: '—', adoptions: '—', rank: null };
    return {
      score: formatScoreChange(u.total, p ? p.total : 0, '环比'),
      adoptions: formatCountChange(placementsOf(u), p ? placementsOf(p) : 0, '环比'),
      rank: p ? p.overallRank - u.overallRank : null,
    };
  };
}
