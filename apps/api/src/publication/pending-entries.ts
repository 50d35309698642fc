import type { EntityManager } from 'typeorm';
import { quarterRange } from '@app/scoring';

export interface PendingEntry {
  type: 'articles' | 'placements' | 'instructions';
  id: number;
  title: string;
  status: string;
}

/**
 * Entries of a quarter that were sent for review but are not settled (verified or rejected):
 * submitted, unit-approved or returned. Drafts were never sent and do not hold a quarter up.
 */
export async function pendingEntries(manager: EntityManager, officeId: number, quarter: string): Promise<PendingEntry[]> {
  const { start, end } = quarterRange(quarter);
  const open = ['submitted', 'unit-approved', 'returned'];
  const marks = open.map(() => '?').join(',');
  const rows = await Promise.all([
    manager.query(`SELECT 'articles' AS type, id, title, status FROM articles WHERE officeId = ? AND submittedDate BETWEEN ? AND ? AND status IN (${marks})`, [officeId, start, end, ...open]),
    manager.query(
      `SELECT 'placements' AS type, p.id, a.title, p.status FROM placements p JOIN articles a ON a.id = p.articleId WHERE p.officeId = ? AND p.publishedDate BETWEEN ? AND ? AND p.status IN (${marks})`,
      [officeId, start, end, ...open],
    ),
    manager.query(
      `SELECT 'instructions' AS type, i.id, a.title, i.status FROM instructions i JOIN articles a ON a.id = i.articleId WHERE i.officeId = ? AND i.instructedDate BETWEEN ? AND ? AND i.status IN (${marks})`,
      [officeId, start, end, ...open],
    ),
  ]);
  return rows.flat().map((r: PendingEntry) => ({ type: r.type, id: Number(r.id), title: r.title, status: r.status }));
}
