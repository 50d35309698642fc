import type { EntityManager } from 'typeorm';
import { quarterRange } from '@app/scoring';

export interface PendingEntry {
  type: 'articles' | 'placements' | 'instructions' | 'items' | 'adjustments';
  id: number;
  title: string;
  status: string;
  /** the unit it is for (an article's: the unit that recorded it) */
  unitName: string;
}

/**
 * Entries of a quarter that were sent for review but are not settled (verified or rejected):
 * submitted, unit-approved or returned articles, placements, instructions and 事项, and 加减分
 * still awaiting a second office user's approval. Drafts were never sent and do not hold a
 * quarter up.
 */
export async function pendingEntries(manager: EntityManager, officeId: number, quarter: string): Promise<PendingEntry[]> {
  const { start, end } = quarterRange(quarter);
  const open = ['submitted', 'unit-approved', 'returned'];
  const marks = open.map(() => '?').join(',');
  const rows = await Promise.all([
    manager.query(
      `SELECT 'articles' AS type, a.id, a.title, a.status, u.name AS unitName FROM articles a JOIN units u ON u.id = a.ownerUnitId
       WHERE a.officeId = ? AND a.submittedDate BETWEEN ? AND ? AND a.status IN (${marks})`,
      [officeId, start, end, ...open],
    ),
    manager.query(
      `SELECT 'placements' AS type, p.id, a.title, p.status, u.name AS unitName FROM placements p JOIN articles a ON a.id = p.articleId JOIN units u ON u.id = a.ownerUnitId
       WHERE p.officeId = ? AND p.publishedDate BETWEEN ? AND ? AND p.status IN (${marks})`,
      [officeId, start, end, ...open],
    ),
    manager.query(
      `SELECT 'instructions' AS type, i.id, a.title, i.status, u.name AS unitName FROM instructions i JOIN articles a ON a.id = i.articleId JOIN units u ON u.id = a.ownerUnitId
       WHERE i.officeId = ? AND i.instructedDate BETWEEN ? AND ? AND i.status IN (${marks})`,
      [officeId, start, end, ...open],
    ),
    manager.query(
      `SELECT 'items' AS type, r.id, r.title, r.status, u.name AS unitName FROM item_records r JOIN units u ON u.id = r.unitId
       WHERE r.officeId = ? AND r.itemDate BETWEEN ? AND ? AND r.status IN (${marks})`,
      [officeId, start, end, ...open],
    ),
    manager.query(
      `SELECT 'adjustments' AS type, j.id, j.reason AS title, j.status, u.name AS unitName FROM adjustments j JOIN units u ON u.id = j.unitId
       WHERE j.officeId = ? AND j.quarter = ? AND j.status = 'pending'`,
      [officeId, quarter],
    ),
  ]);
  return rows.flat().map((r: PendingEntry) => ({ type: r.type, id: Number(r.id), title: r.title, status: r.status, unitName: r.unitName }));
}
