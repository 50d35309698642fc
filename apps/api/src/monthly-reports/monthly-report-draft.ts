import type { EntityManager } from 'typeorm';
import { LEVEL_LABELS, LEVELS, type Level } from '@app/contracts';
import { monthBounds } from '../common/business-date';
import { toNumber } from '../common/db-errors';

export interface MonthlyReportDraft {
  articlesSubmitted: number;
  placementsAdopted: number;
  placementsByLevel: Record<Level, number>;
  narrative: string;
}

/**
 * Counts a unit's month from its records: articles it is on (joint ones included) submitted in
 * the month, and their placements published in the month — verified ones only, as the scheme
 * counts them (a 报送任务 counts verified articles; scores come from verified placements). Drafts
 * were never sent and entries under review may still be returned or rejected (issue #16).
 * Raw SQL on the articles feature's tables so this does not depend on its service.
 */
export async function draftMonthlyReport(manager: EntityManager, officeId: number, unitId: number, month: string): Promise<MonthlyReportDraft> {
  const { first, last } = monthBounds(month);
  const articles = await manager.query(
    `SELECT COUNT(DISTINCT a.id) AS n FROM articles a JOIN article_units au ON au.articleId = a.id
     WHERE a.officeId = ? AND au.unitId = ? AND a.submittedDate >= ? AND a.submittedDate <= ? AND a.status = 'verified'`,
    [officeId, unitId, first, last],
  );
  const placements: { level: Level; n: unknown }[] = await manager.query(
    `SELECT o.level AS level, COUNT(*) AS n FROM placements p
     JOIN article_units au ON au.articleId = p.articleId
     JOIN outlets o ON o.id = p.outletId
     WHERE p.officeId = ? AND au.unitId = ? AND p.publishedDate >= ? AND p.publishedDate <= ? AND p.status = 'verified'
     GROUP BY o.level`,
    [officeId, unitId, first, last],
  );
  const placementsByLevel = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
  for (const row of placements) placementsByLevel[row.level] = toNumber(row.n);
  const articlesSubmitted = toNumber(articles[0]?.n);
  const placementsAdopted = LEVELS.reduce((sum, l) => sum + placementsByLevel[l], 0);
  return { articlesSubmitted, placementsAdopted, placementsByLevel, narrative: narrate(month, articlesSubmitted, placementsAdopted, placementsByLevel) };
}

function narrate(month: string, articles: number, placements: number, byLevel: Record<Level, number>): string {
  const title = `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
  const levels = LEVELS.filter((l) => byLevel[l] > 0).map((l) => `${LEVEL_LABELS[l]} ${byLevel[l]} 篇次`);
  const detail = levels.length ? `，其中${levels.join('、')}` : '';
  return `${title}，本单位共报送稿件 ${articles} 篇，被各级媒体和刊物录用 ${placements} 篇次${detail}。`;
}
