import type { Level } from './enums';

/** A unit's total and ranks under one scheme (the what-if preview). */
export interface PreviewStanding {
  /** ten-thousandths of a point */
  total: number;
  totalText: string;
  rank: number;
  groupRank: number;
}

export interface PreviewRow {
  unitId: number;
  code: string;
  name: string;
  groupId: number;
  groupName: string;
  /** Under the version in force; null when no version is in force for the quarter. */
  current: PreviewStanding | null;
  draft: PreviewStanding;
  /** draft − current total, and places moved up (positive) or down (negative). */
  change: { total: number; totalText: string; rank: number; groupRank: number } | null;
}

/** How many of the quarter's placements an adoption row of the draft takes (first match at the placement's level). */
export interface PreviewRowHits {
  /** 'adoption.rows[2]'; '' for placements no row scores. */
  clause: string;
  label: string;
  hits: number;
  /** The same count by the placement's level: the row's cells in the editor's grid. */
  byLevel: Record<Level, number>;
}

/** One ranking group under the draft, as the notice lists it: units by group rank. */
export interface PreviewGroup {
  groupId: number;
  groupName: string;
  rows: PreviewRow[];
}

export interface PreviewResponse {
  quarter: string;
  current: { id: number; versionNo: number; name: string } | null;
  /** Every unit, by overall rank under the draft. */
  rows: PreviewRow[];
  /** Per adoption row of the draft, in the order of the table, then the placements no row scores. */
  rowHits: PreviewRowHits[];
  /** The ranking groups in the notice's order (the groups' sort order), each ranked within itself. */
  groups: PreviewGroup[];
}
