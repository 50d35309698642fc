/** The read side of the ledger: a quarter's live ranking and a unit's statement (得分明细). */
import type { Channel, Level } from './enums';

/** Verified placements of a unit's articles published in the quarter, by channel and level. */
export type PlacementCounts = { total: number } & Record<Channel, Record<Level, number>>;

export interface SchemeVersionRef {
  id: number;
  versionNo: number;
  name: string;
}

export interface RankingRow {
  unitId: number;
  code: string;
  name: string;
  groupId: number;
  groupName: string;
  /** Points in ten-thousandths. */
  total: number;
  totalText: string;
  rank: number;
  placements: PlacementCounts;
}

/** GET /api/scores/:quarter/ranking: the live ranking under the version in force. */
export interface RankingResponse {
  quarter: string;
  schemeVersion: SchemeVersionRef;
  tieRule: string;
  overall: RankingRow[];
  groups: { groupId: number; groupName: string; rows: RankingRow[] }[];
}

/** One line of a unit's statement: the record, the rule and the amount. */
export interface StatementLine {
  id: number;
  date: string;
  recordType: string;
  recordTypeLabel: string;
  recordId: number;
  /**
   * What the record is, in words: the article title, the 约稿 topic, the month reported on,
   * the 事项's kind and title, the 加减分's reason.
   */
  recordLabel: string;
  /** On a 事项 line: the kind of the item record (recordId), to find it in the item list. */
  itemKind: string | null;
  articleId: number | null;
  articleTitle: string | null;
  ruleId: string;
  ruleLabel: string;
  amount: number;
  amountText: string;
  amountExact: string;
  runningTotal: number;
  runningTotalText: string;
  runningTotalExact: string;
  /** Chinese derivation naming the scheme clause (row label and level cell, target, clamp). */
  explanation: string;
  /** Path of that clause in the scheme, e.g. 'adoption.rows[2]'; null on lines stored before it was recorded. */
  clause: string | null;
}

/** GET /api/scores/:quarter/statement: a unit's 得分明细. */
export interface StatementResponse {
  quarter: string;
  unit: { id: number; code: string; name: string };
  schemeVersion: SchemeVersionRef;
  lines: StatementLine[];
  total: number;
  totalText: string;
  totalExact: string;
}
