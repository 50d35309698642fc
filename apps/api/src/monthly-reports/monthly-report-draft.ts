import { LEVEL_LABELS, LEVELS, type Level } from '@app/contracts';
import { monthBounds } from '../common/business-date';
import type { MonthlyReportsRepository } from './monthly-reports.repository';

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
 * The counts are named queries of MonthlyReportsRepository.
 */
export async function draftMonthlyReport(reports: MonthlyReportsRepository, officeId: number, unitId: number, month: string): Promise<MonthlyReportDraft> {
  const { first, last } = monthBounds(month);
  const articlesSubmitted = await reports.countVerifiedArticles(officeId, unitId, first, last);
  const placements = await reports.countVerifiedPlacementsByLevel(officeId, unitId, first, last);
  const placementsByLevel = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
  for (const row of placements) placementsByLevel[row.level] = row.n;
  const placementsAdopted = LEVELS.reduce((sum, l) => sum + placementsByLevel[l], 0);
  return { articlesSubmitted, placementsAdopted, placementsByLevel, narrative: narrate(month, articlesSubmitted, placementsAdopted, placementsByLevel) };
}

function narrate(month: string, articles: number, placements: number, byLevel: Record<Level, number>): string {
  const title = `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
  const levels = LEVELS.filter((l) => byLevel[l] > 0).map((l) => `${LEVEL_LABELS[l]} ${byLevel[l]} 篇次`);
  const detail = levels.length ? `，其中${levels.join('、')}` : '';
  return `${title}，本单位共报送稿件 ${articles} 篇，被各级媒体和刊物录用 ${placements} 篇次${detail}。`;
}
