import type { DataSource, EntityManager } from 'typeorm';
import { RankingSnapshot } from './ranking-snapshot.entity';

/** The latest published revision of each quarter of an office (optionally only these quarters). */
export async function latestSnapshots(dataSource: DataSource | EntityManager, officeId: number, quarters?: string[]): Promise<RankingSnapshot[]> {
  const all = await dataSource.getRepository(RankingSnapshot).find({ where: { officeId }, order: { quarter: 'ASC', revision: 'DESC' } });
  const latest = new Map<string, RankingSnapshot>();
  for (const s of all) if (!latest.has(s.quarter) && (!quarters || quarters.includes(s.quarter))) latest.set(s.quarter, s);
  return [...latest.values()];
}
