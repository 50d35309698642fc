import type { EntityManager } from 'typeorm';
import type { Channel, Level } from '@app/scoring';
import { toNumber } from '../common/db-errors';

type Query = Pick<EntityManager, 'query'>;

/** The active units of `officeId` standing for offices below it (units.childOfficeId), as the roll-up loads them. */
export async function rankedChildOffices(m: Query, officeId: number): Promise<{ unitId: number; childOfficeId: number }[]> {
  const rows: { id: unknown; childOfficeId: unknown }[] = await m.query(
    'SELECT id, childOfficeId FROM units WHERE officeId = ? AND childOfficeId IS NOT NULL AND active = 1 ORDER BY id',
    [officeId],
  );
  return rows.map((r) => ({ unitId: Number(r.id), childOfficeId: Number(r.childOfficeId) }));
}

/** An office's verified adoptions of verified articles published between `start` and `end`, by outlet level and channel. */
export async function adoptionsByLevel(m: Query, officeId: number, start: string, end: string): Promise<{ level: Level; channel: Channel; n: number }[]> {
  const rows: { level: Level; channel: Channel; n: unknown }[] = await m.query(
    `SELECT o.level AS level, o.channel AS channel, COUNT(*) AS n FROM placements p JOIN articles a ON a.id = p.articleId JOIN outlets o ON o.id = p.outletId
     WHERE p.officeId = ? AND p.publishedDate BETWEEN ? AND ? AND p.status = 'verified' AND a.status = 'verified' GROUP BY o.level, o.channel`,
    [officeId, start, end],
  );
  return rows.map((r) => ({ level: r.level, channel: r.channel, n: toNumber(r.n) }));
}

/** An office's articles sent (anything past draft) and verified instructions of verified articles between `start` and `end`. */
export async function articleCounts(m: Query, officeId: number, start: string, end: string): Promise<{ articlesSubmitted: number; instructions: number }> {
  const [articles] = await m.query(
    `SELECT COUNT(*) AS n FROM articles WHERE officeId = ? AND submittedDate BETWEEN ? AND ? AND status <> 'draft'`,
    [officeId, start, end],
  );
  const [instructions] = await m.query(
    `SELECT COUNT(*) AS n FROM instructions i JOIN articles a ON a.id = i.articleId
     WHERE i.officeId = ? AND i.instructedDate BETWEEN ? AND ? AND i.status = 'verified' AND a.status = 'verified'`,
    [officeId, start, end],
  );
  return { articlesSubmitted: toNumber(articles.n), instructions: toNumber(instructions.n) };
}
