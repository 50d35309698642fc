// Many verified records at once, inserted in chunks (the factories insert one by one): enough
// work that a publication job takes seconds, so a test can kill its worker midway.
import type { DataSource } from 'typeorm';

export async function insertVerifiedPlacements(ds: DataSource, o: { officeId: number; quarterStart: string; articles: number; placementsPerArticle: number }) {
  const units: { id: number }[] = await ds.query('SELECT id FROM units WHERE officeId = ? ORDER BY id', [o.officeId]);
  const outlets: { id: number }[] = await ds.query('SELECT id FROM outlets WHERE officeId = ? ORDER BY id', [o.officeId]);
  const day = (i: number) => new Date(Date.parse(`${o.quarterStart}T00:00:00Z`) + (i % 80) * 86_400_000).toISOString().slice(0, 10);
  const [{ maxId }] = await ds.query('SELECT COALESCE(MAX(id), 0) AS maxId FROM articles');
  const first = Number(maxId) + 1;
  const CHUNK = 400;
  for (let start = 0; start < o.articles; start += CHUNK) {
    const n = Math.min(CHUNK, o.articles - start);
    const ids = Array.from({ length: n }, (_, k) => first + start + k);
    const articleRows = ids.map((id, k) => [id, o.officeId, `批量稿件 ${id}`, `批量稿件${id}`, `${day(start + k)} 01:00:00`, day(start + k), units[(start + k) % units.length].id]);
    await ds.query(
      `INSERT INTO articles (id, officeId, title, normalizedTitle, submittedAt, submittedDate, ownerUnitId, status, version, createdAt, updatedAt) VALUES ${articleRows.map(() => "(?, ?, ?, ?, ?, ?, ?, 'verified', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)").join(',')}`,
      articleRows.flat(),
    );
    await ds.query(`INSERT INTO article_units (articleId, unitId) VALUES ${ids.map(() => '(?, ?)').join(',')}`, ids.flatMap((id, k) => [id, units[(start + k) % units.length].id]));
    const placementRows = ids.flatMap((id, k) =>
      Array.from({ length: o.placementsPerArticle }, (_, p) => [o.officeId, id, outlets[(start + k + p * 7) % outlets.length].id, `${day(start + k + p)} 02:00:00`, day(start + k + p)]),
    );
    await ds.query(
      `INSERT INTO placements (officeId, articleId, outletId, publishedAt, publishedDate, prominence, status, version, createdAt, updatedAt) VALUES ${placementRows.map(() => "(?, ?, ?, ?, ?, 'normal', 'verified', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)").join(',')}`,
      placementRows.flat(),
    );
  }
}
