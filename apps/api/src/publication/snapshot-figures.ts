import type { EntityManager } from 'typeorm';
import { quarterRange } from '@app/scoring';
import { toNumber } from '../common/db-errors';

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
  return out;
}

/** Whole-quarter totals for 总体情况: distinct articles sent, verified placements by level and channel. */
export async function quarterTotals(manager: EntityManager, officeId: number, quarter: string) {
  const { start, end } = quarterRange(quarter);
  const [articles] = await manager.query(
    `SELECT COUNT(*) AS n FROM articles WHERE officeId = ? AND submittedDate BETWEEN ? AND ? AND status <> 'draft'`,
    [officeId, start, end],
  );
  const placements: { level: string; channel: string; n: unknown }[] = await manager.query(
    `SELECT o.level AS level, o.channel AS channel, COUNT(*) AS n FROM placements p JOIN articles a ON a.id = p.articleId JOIN outlets o ON o.id = p.outletId
     WHERE p.officeId = ? AND p.publishedDate BETWEEN ? AND ? AND p.status = 'verified' AND a.status = 'verified' GROUP BY o.level, o.channel`,
    [officeId, start, end],
  );
  const [instructions] = await manager.query(
    `SELECT COUNT(*) AS n FROM instructions i JOIN articles a ON a.id = i.articleId
     WHERE i.officeId = ? AND i.instructedDate BETWEEN ? AND ? AND i.status = 'verified' AND a.status = 'verified'`,
    [officeId, start, end],
  );
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
    byLevel[p.level] += toNumber(p.n);
    byChannel[p.channel] += toNumber(p.n);
  }
  return {
    articlesSubmitted: toNumber(articles.n),
    placements: Object.values(byLevel).reduce((a, b) => a + b, 0),
    byLevel,
    byChannel,
    instructions: toNumber(instructions.n),
    commissionsIssued: toNumber(commissions?.issued),
    commissionTargets: toNumber(commissions?.targets),
    commissionsOnTime: toNumber(commissions?.onTime),
  };
}
