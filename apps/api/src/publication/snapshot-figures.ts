import type { EntityManager } from 'typeorm';
import { quarterRange } from '@app/scoring';
import { toNumber } from '../common/db-errors';
import { adoptionsByLevel, articleCounts, rankedChildOffices } from '../score-ledger/rollup-figures';

export interface UnitFigures {
  articlesSubmitted: number;
  instructions: number;
  commissionsDone: number;
  commissionsDue: number;
}

const empty = (): UnitFigures => ({ articlesSubmitted: 0, instructions: 0, commissionsDone: 0, commissionsDue: 0 });

/**
 * The counts a ranking table shows beside the points, per unit, for one quarter: articles
 * sent (报送数, anything past draft), verified instructions, 约稿 due and done on time.
 * A joint article counts for every unit on it. One grouped query per figure.
 *
 * 约稿 are counted as the engine scores them (commissionOutcome): answered means answered with a
 * verified article, and an unanswered target is due only once its deadline is before `asOfDate`.
 * A unit standing for an office below counts that office's articles and instructions, as its
 * score rolls them up (RollupLoader); its 约稿 are the parent's own.
 */
export async function unitFigures(manager: EntityManager, officeId: number, quarter: string, asOfDate: string): Promise<Map<number, UnitFigures>> {
  const { start, end } = quarterRange(quarter);
  const out = new Map<number, UnitFigures>();
  const add = (unitId: unknown, key: keyof UnitFigures, n: unknown) => {
    const id = Number(unitId);
    if (!out.has(id)) out.set(id, empty());
    out.get(id)![key] += toNumber(n);
  };
  const submitted = await manager.query(
    `SELECT au.unitId AS unitId, COUNT(*) AS n FROM articles a JOIN article_units au ON au.articleId = a.id
     WHERE a.officeId = ? AND a.submittedDate BETWEEN ? AND ? AND a.status <> 'draft' GROUP BY au.unitId`,
    [officeId, start, end],
  );
  submitted.forEach((r: { unitId: unknown; n: unknown }) => add(r.unitId, 'articlesSubmitted', r.n));
  const instructions = await manager.query(
    `SELECT au.unitId AS unitId, COUNT(*) AS n FROM instructions i JOIN articles a ON a.id = i.articleId JOIN article_units au ON au.articleId = a.id
     WHERE i.officeId = ? AND i.instructedDate BETWEEN ? AND ? AND i.status = 'verified' AND a.status = 'verified' GROUP BY au.unitId`,
    [officeId, start, end],
  );
  instructions.forEach((r: { unitId: unknown; n: unknown }) => add(r.unitId, 'instructions', r.n));
  const commissions = await manager.query(
    `SELECT t.unitId AS unitId, SUM(CASE WHEN a.id IS NOT NULL OR c.deadline < ? THEN 1 ELSE 0 END) AS due,
            SUM(CASE WHEN a.id IS NOT NULL AND a.submittedDate <= c.deadline THEN 1 ELSE 0 END) AS done
     FROM commission_targets t JOIN commissions c ON c.id = t.commissionId LEFT JOIN articles a ON a.id = t.articleId AND a.status = 'verified'
     WHERE c.officeId = ? AND c.deadline BETWEEN ? AND ? GROUP BY t.unitId`,
    [asOfDate, officeId, start, end],
  );
  commissions.forEach((r: { unitId: unknown; due: unknown; done: unknown }) => {
    add(r.unitId, 'commissionsDue', r.due);
    add(r.unitId, 'commissionsDone', r.done);
  });
  for (const { unitId, childOfficeId } of await rankedChildOffices(manager, officeId)) {
    const counts = await articleCounts(manager, childOfficeId, start, end);
    add(unitId, 'articlesSubmitted', counts.articlesSubmitted);
    add(unitId, 'instructions', counts.instructions);
  }
  return out;
}

/**
 * Whole-quarter totals for 总体情况: distinct articles sent, verified placements by level and
 * channel. An office ranking offices below it adds theirs (全市: the city's and its districts').
 */
export async function quarterTotals(manager: EntityManager, officeId: number, quarter: string) {
  const { start, end } = quarterRange(quarter);
  const offices = [officeId, ...(await rankedChildOffices(manager, officeId)).map((c) => c.childOfficeId)];
  const counts = { articlesSubmitted: 0, instructions: 0 };
  const placements: { level: string; channel: string; n: number }[] = [];
  for (const id of offices) {
    const c = await articleCounts(manager, id, start, end);
    counts.articlesSubmitted += c.articlesSubmitted;
    counts.instructions += c.instructions;
    placements.push(...(await adoptionsByLevel(manager, id, start, end)));
  }
  const [commissions] = await manager.query(
    `SELECT COUNT(DISTINCT c.id) AS issued, COUNT(t.id) AS targets,
            SUM(CASE WHEN a.id IS NOT NULL AND a.submittedDate <= c.deadline THEN 1 ELSE 0 END) AS onTime
     FROM commissions c JOIN commission_targets t ON t.commissionId = c.id LEFT JOIN articles a ON a.id = t.articleId AND a.status = 'verified'
     WHERE c.officeId = ? AND c.deadline BETWEEN ? AND ?`,
    [officeId, start, end],
  );
  const byLevel: Record<string, number> = { central: 0, provincial: 0, municipal: 0, district: 0 };
  const byChannel: Record<string, number> = { media: 0, bulletin: 0 };
  for (const p of placements) {
    byLevel[p.level] += p.n;
    byChannel[p.channel] += p.n;
  }
  return {
    articlesSubmitted: counts.articlesSubmitted,
    placements: Object.values(byLevel).reduce((a, b) => a + b, 0),
    byLevel,
    byChannel,
    instructions: counts.instructions,
    commissionsIssued: toNumber(commissions?.issued),
    commissionTargets: toNumber(commissions?.targets),
    commissionsOnTime: toNumber(commissions?.onTime),
  };
}
