import type { AdjustmentStatus, Level, PlacementForm } from '@app/contracts';
import type { ScoringArticle, ScoringArticleUnit, ScoringCommission, ScoringInput, ScoringPlacement } from '@app/scoring';

/**
 * The records as the loader reads them, in the database's vocabulary: 采用形式 and reach of
 * placements, signing positions, 约稿 issuers, 事项 and approved 加减分. engine-input.ts turns
 * them into the engine's `ScoringInput` (signingOrder, issuerCategory, items, adjustments).
 */
export interface RecordedPlacement extends ScoringPlacement {
  form: PlacementForm;
  /** 浏览量; null when not recorded */
  views: number | null;
}

export interface RecordedArticleUnit extends Omit<ScoringArticleUnit, 'signingOrder'> {
  /** 1 = 第一署名单位 */
  position: number;
}

export interface RecordedArticle extends Omit<ScoringArticle, 'units'> {
  /** in signing order */
  units: RecordedArticleUnit[];
}

export interface RecordedCommission extends Omit<ScoringCommission, 'issuerCategory'> {
  /** 发文单位 category; empty = the office itself */
  issuer: string;
}

/** A verified 事项 of the quarter. */
export interface RecordedItem {
  id: string;
  unitId: string;
  kind: string;
  title: string;
  /** Business date 'YYYY-MM-DD'. */
  date: string;
  level: Level | null;
  /** The linked article (e.g. the one a 虚假信息 finding voids), if any. */
  articleId: string | null;
}

/** An approved 加减分 of the quarter. */
export interface RecordedAdjustment {
  id: string;
  unitId: string;
  quarter: string;
  /** Ten-thousandths of a point, signed (the engine's `amount`, see engine-input.ts). */
  points: number;
  reason: string;
  status: Extract<AdjustmentStatus, 'approved'>;
}

/** Placements are the engine's own shape (they pass through uncopied); the rest is mapped. */
export interface RecordedInput extends Omit<ScoringInput, 'articles' | 'placements' | 'commissions' | 'items' | 'adjustments'> {
  articles: RecordedArticle[];
  placements: RecordedPlacement[];
  commissions: RecordedCommission[];
  items: RecordedItem[];
  adjustments: RecordedAdjustment[];
}
