import type { AdjustmentStatus, Level, PlacementForm } from '@app/contracts';
import type { ScoringArticle, ScoringArticleUnit, ScoringCommission, ScoringInput, ScoringPlacement } from '@app/scoring';

/**
 * The engine's input as the records loader fills it, with what scheme format 2 reads beyond
 * today's engine (issue #12): 采用形式 and reach of placements, signing positions, 约稿 issuers,
 * 事项 and approved 加减分. A server-side extension of `ScoringInput` so that libs/scoring stays
 * as it is; today's engine ignores the extra fields, the format-2 wiring will read them.
 */
export interface RecordedPlacement extends ScoringPlacement {
  form: PlacementForm;
  /** 浏览量; null when not recorded */
  views: number | null;
}

export interface RecordedArticleUnit extends ScoringArticleUnit {
  /** 1 = 第一署名单位 */
  position: number;
}

export interface RecordedArticle extends ScoringArticle {
  /** in signing order */
  units: RecordedArticleUnit[];
}

export interface RecordedCommission extends ScoringCommission {
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
  /** Ten-thousandths of a point, signed. */
  points: number;
  /** The same amount under the engine's name (ScoringAdjustment.amount), so format 2 scores it. */
  amount: number;
  reason: string;
  status: Extract<AdjustmentStatus, 'approved'>;
}

export interface RecordedInput extends ScoringInput {
  articles: RecordedArticle[];
  placements: RecordedPlacement[];
  commissions: RecordedCommission[];
  items: RecordedItem[];
  adjustments: RecordedAdjustment[];
}
