import type { EntityManager } from 'typeorm';
import { quarterRange } from '@app/scoring';
import { adoptionsByLevel, articleCounts, articlesSentByUnit, commissionsByUnit, commissionTotals, instructionsByUnit, rankedChildOffices } from '../score-ledger/records.repository';

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
 * A joint article counts for every unit on it. One grouped query per figure (the ledger's RecordsRepository).
 *
 * 约稿 are counted as the engine scores them (commissionOutcome): answered means answered with a
 * verified article, and an unanswered target is due only once its deadline is before `asOfDate`.
 * A unit standing for an office below counts that office's articles and instructions, as its
 * score rolls them up (RollupLoader); its 约稿 are the parent's own.
 */
export async function unitFigures(manager: EntityManager, officeId: number, quarter: string, asOfDate: string): Promise<Map<number, UnitFigures>> {
  const { start, end } = quarterRange(quarter);
  const out = new Map<number, UnitFigures>();
  const add = (unitId: number, key: keyof UnitFigures, n: number) => {
    if (!out.has(unitId)) out.set(unitId, empty());
    out.get(unitId)![key] += n;
  };
  // one query per figure, side by side where the database has connections to spare (MariaDB)
  const [sent, instructions, commissions, children] = await Promise.all([
    articlesSentByUnit(manager, officeId, start, end),
    instructionsByUnit(manager, officeId, start, end),
    commissionsByUnit(manager, officeId, start, end, asOfDate),
    rankedChildOffices(manager, officeId).then((all) => Promise.all(all.map(async (c) => ({ ...c, counts: await articleCounts(manager, c.childOfficeId, start, end) })))),
  ]);
  for (const r of sent) add(r.unitId, 'articlesSubmitted', r.n);
  for (const r of instructions) add(r.unitId, 'instructions', r.n);
  for (const r of commissions) {
    add(r.unitId, 'commissionsDue', r.due);
    add(r.unitId, 'commissionsDone', r.done);
  }
  for (const { unitId, counts } of children) {
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
  const [perOffice, commissions] = await Promise.all([
    Promise.all(offices.map((id) => Promise.all([articleCounts(manager, id, start, end), adoptionsByLevel(manager, id, start, end)]))),
    commissionTotals(manager, officeId, start, end),
  ]);
  for (const [c, byLevel] of perOffice) {
    counts.articlesSubmitted += c.articlesSubmitted;
    counts.instructions += c.instructions;
    placements.push(...byLevel);
  }
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
    commissionsIssued: commissions.issued,
    commissionTargets: commissions.targets,
    commissionsOnTime: commissions.onTime,
  };
}
