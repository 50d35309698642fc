import type { Points, ScoringUnit, TieRule } from './types';

/** Group id of the table that ranks all units together. */
export const OVERALL_GROUP_ID = '*';

export interface RankRow {
  unitId: string;
  code: string;
  name: string;
  total: Points;
  rank: number;
}

export interface RankTable {
  groupId: string;
  groupName?: string;
  rows: RankRow[];
}

function rankRows(units: readonly ScoringUnit[], totalsByUnit: ReadonlyMap<string, Points>, tieRule: TieRule): RankRow[] {
  const rows = units.map((u) => ({ unitId: u.id, code: u.code, name: u.name, total: totalsByUnit.get(u.id) ?? 0, rank: 0 }));
  rows.sort((a, b) => b.total - a.total || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  let distinct = 0;
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && rows[i].total === rows[i - 1].total) {
      rows[i].rank = rows[i - 1].rank;
      continue;
    }
    distinct++;
    rows[i].rank = tieRule === 'dense' ? distinct : i + 1;
  }
  return rows;
}

/**
 * Ranks units by total, highest first, overall and within each group (groups in order of
 * first appearance). Equal totals share a rank — competition 1,2,2,4 or dense 1,2,2,3 — and
 * are listed by unit code (ordinal comparison). Units without a total rank with 0.
 */
export function rankUnits(
  units: readonly ScoringUnit[],
  totalsByUnit: ReadonlyMap<string, Points>,
  tieRule: TieRule = 'competition',
): { overall: RankTable; groups: RankTable[] } {
  const groups = new Map<string, ScoringUnit[]>();
  for (const u of units) {
    const g = groups.get(u.groupId);
    if (g) g.push(u);
    else groups.set(u.groupId, [u]);
  }
  return {
    overall: { groupId: OVERALL_GROUP_ID, rows: rankRows(units, totalsByUnit, tieRule) },
    groups: [...groups].map(([groupId, members]) => ({
      groupId,
      ...(members[0].groupName !== undefined ? { groupName: members[0].groupName } : {}),
      rows: rankRows(members, totalsByUnit, tieRule),
    })),
  };
}
