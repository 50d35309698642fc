import type { EntityManager } from 'typeorm';
import type { ArticleDraft } from './article-row-validator';
import type { ImportProblem } from './article-sheet-layout';
import { chunks } from './article-import-plan';
import { SimilarTitlesIndex } from './similar-titles-index';

/** Same window as the duplicate lookup while typing: two years either side of the article. */
const WINDOW_DAYS = 730;

const shiftDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Possible duplicates of the articles an import is about to create (issue #3 item 8): titles
 * already recorded in the office — by the same or another unit — that read alike after
 * normalisation. A warning on the row; the office merges or marks them distinct afterwards.
 */
export async function duplicateWarnings(manager: EntityManager, officeId: number, created: ArticleDraft[]): Promise<ImportProblem[]> {
  const candidates = created.filter((a) => [...a.normalizedTitle].length >= 4);
  if (candidates.length === 0) return [];
  const from = shiftDays(candidates.map((a) => a.submittedDate).sort()[0], -WINDOW_DAYS);
  const recorded: { id: number; title: string; normalizedTitle: string; submittedDate: string }[] = await manager.query(
    'SELECT id, title, normalizedTitle, submittedDate FROM articles WHERE officeId = ? AND submittedDate >= ?',
    [officeId, from],
  );
  if (recorded.length === 0) return [];
  const byId = new Map(recorded.map((r) => [Number(r.id), r]));
  const index = new SimilarTitlesIndex(recorded.map((r) => ({ id: Number(r.id), normalizedTitle: r.normalizedTitle })));

  const found: { article: ArticleDraft; ids: number[] }[] = [];
  for (const article of candidates) {
    const lo = shiftDays(article.submittedDate, -WINDOW_DAYS);
    const hi = shiftDays(article.submittedDate, WINDOW_DAYS);
    const ids = index.search(article.normalizedTitle, undefined, 10)
      .map((h) => h.id)
      .filter((id) => byId.get(id)!.submittedDate >= lo && byId.get(id)!.submittedDate <= hi)
      .slice(0, 2);
    if (ids.length > 0) found.push({ article, ids });
  }
  const unitNames = new Map<number, string[]>();
  for (const part of chunks([...new Set(found.flatMap((f) => f.ids))])) {
    const rows: { articleId: number; name: string }[] = await manager.query(
      `SELECT au.articleId AS articleId, u.name AS name FROM article_units au JOIN units u ON u.id = au.unitId WHERE au.articleId IN (${part.map(() => '?').join(', ')}) ORDER BY au.id`,
      part,
    );
    for (const r of rows) unitNames.set(Number(r.articleId), [...(unitNames.get(Number(r.articleId)) ?? []), r.name]);
  }
  return found.map(({ article, ids }) => ({
    row: article.firstRow,
    column: '稿件标题',
    level: 'warning' as const,
    message: `可能与已录入的稿件重复：${ids.map((id) => `《${byId.get(id)!.title}》（${(unitNames.get(id) ?? []).join('、')}，${byId.get(id)!.submittedDate}）`).join('；')}。导入后可由办公室合并或标记为不同稿件`,
  }));
}
