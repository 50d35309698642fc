// Many verified records at once, through the factories' multi-row inserts: enough work that a
// publication job takes seconds, so a test can kill its worker midway. Article j (0-based) is
// owned by the office's unit j mod units and adopted by outlets (j + 7p) mod outlets (by id).
import type { DataSource } from 'typeorm';
import { Outlet } from '../../apps/api/src/outlets/outlet.entity';
import { Unit } from '../../apps/api/src/units/unit.entity';
import { createFactories } from '../factories';

export async function insertVerifiedPlacements(ds: DataSource, o: { officeId: number; quarterStart: string; articles: number; placementsPerArticle: number }) {
  const f = createFactories(ds);
  const units = await ds.getRepository(Unit).find({ where: { officeId: o.officeId }, order: { id: 'ASC' } });
  const outlets = await ds.getRepository(Outlet).find({ where: { officeId: o.officeId }, order: { id: 'ASC' } });
  const day = (i: number) => new Date(Date.parse(`${o.quarterStart}T00:00:00Z`) + (i % 80) * 86_400_000).toISOString().slice(0, 10);
  const CHUNK = 2000;
  for (let start = 0; start < o.articles; start += CHUNK) {
    const n = Math.min(CHUNK, o.articles - start);
    const ids = await f.articles.createMany(Array.from({ length: n }, (_, k) => ({
      officeId: o.officeId,
      units: [units[(start + k) % units.length].id],
      title: `批量稿件 ${start + k + 1}`,
      submittedAt: `${day(start + k)}T09:00:00+08:00`,
    })));
    await f.placements.createMany(ids.flatMap((id, k) => Array.from({ length: o.placementsPerArticle }, (_, p) => ({
      article: { id, officeId: o.officeId },
      outlet: outlets[(start + k + p * 7) % outlets.length],
      publishedAt: `${day(start + k + p)}T10:00:00+08:00`,
    }))));
  }
}
