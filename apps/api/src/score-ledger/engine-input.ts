import type { ScoringAdjustment, ScoringArticle, ScoringCommission, ScoringInput, ScoringItemRecord } from '@app/scoring';
import type { RecordedInput } from './recorded-input';

/**
 * The format-2 engine's input (libs/scoring types.ts) from the records the loader read
 * (records-loader.ts): the one place where the loader's names become the engine's.
 * - article unit `position` (1 = 第一署名单位) → `signingOrder`;
 * - 约稿 `issuer` (发文单位类别; empty = the office itself) → `issuerCategory` (null);
 * - 事项 records and approved 加减分 (`points`) → the engine's items and adjustments (`amount`).
 * Placements pass through as loaded (they already carry 采用形式 `form` and reach `views`):
 * never copied, since a province quarter holds ~250k of them.
 */
export function toEngineInput(loaded: RecordedInput): ScoringInput {
  return {
    units: loaded.units,
    articles: loaded.articles.map(
      (a): ScoringArticle => ({
        id: a.id,
        title: a.title,
        submittedDate: a.submittedDate,
        wordCount: a.wordCount,
        genre: a.genre,
        units: a.units.map((u) => ({ unitId: u.unitId, sharePercent: u.sharePercent, signingOrder: u.position })),
      }),
    ),
    placements: loaded.placements,
    instructions: loaded.instructions,
    commissions: loaded.commissions.map(
      (c): ScoringCommission => ({ id: c.id, topic: c.topic, deadline: c.deadline, targets: c.targets, issuerCategory: c.issuer === '' ? null : c.issuer }),
    ),
    monthlyReports: loaded.monthlyReports,
    items: loaded.items.map(
      (it): ScoringItemRecord => ({ id: it.id, kind: it.kind, unitId: it.unitId, date: it.date, level: it.level, articleId: it.articleId, title: it.title }),
    ),
    adjustments: loaded.adjustments.map((a): ScoringAdjustment => ({ id: a.id, unitId: a.unitId, quarter: a.quarter, amount: a.points, reason: a.reason })),
    asOfDate: loaded.asOfDate,
  };
}
