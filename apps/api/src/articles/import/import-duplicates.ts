import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { OTHER_UNIT_SIMILAR_TITLE } from '@app/contracts';
import type { ArticleDraft } from './article-row-validator';
import type { ImportProblem } from './article-sheet-layout';
import { chunks } from './article-import-plan';

/** What the duplicate check reads of the recorded articles (ArticlesRepository). */
export interface RecordedTitles {
  /** Titles of the office's articles submitted on or after `from`. */
  findTitlesSince(officeId: number, from: string): Promise<{ id: number; title: string; normalizedTitle: string; submittedDate: string }[]>;
  /** The units (with names) of these articles, in the order they were stored. */
  findUnitNames(articleIds: readonly number[]): Promise<{ articleId: number; unitId: number; name: string }[]>;
}
import { SimilarTitlesIndex } from './similar-titles-index';

/** Same window as the duplicate lookup while typing: two years either side of the article. */
const WINDOW_DAYS = 730;

const shiftDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Possible duplicates of the articles an import is about to create (issue #3 item 8): titles
 * already recorded in the office — by the same or another unit — that read alike after
 * normalisation. A warning on the row; the office merges or marks them distinct afterwards.
 * An officer's report (ownUnitId set) names only their own unit's articles: of another
 * unit's it says that one exists and how alike it reads, as the lookup while typing does.
 */
export async function duplicateWarnings(recorded: RecordedTitles, officeId: number, ownUnitId: number | null, created: ArticleDraft[]): Promise<ImportProblem[]> {
  const candidates = created.filter((a) => [...a.normalizedTitle].length >= 4);
  if (candidates.length === 0) return [];
  const from = shiftDays(candidates.map((a) => a.submittedDate).sort()[0], -WINDOW_DAYS);
  const titles = await recorded.findTitlesSince(officeId, from);
  if (titles.length === 0) return [];
  const byId = new Map(titles.map((r) => [Number(r.id), r]));
  const index = new SimilarTitlesIndex(titles.map((r) => ({ id: Number(r.id), normalizedTitle: r.normalizedTitle })));

  const found: { article: ArticleDraft; hits: { id: number; similarity: number }[] }[] = [];
  for (const [n, article] of candidates.entries()) {
    // Each search walks postings lists: give the event loop a turn now and then (imports run in the API process).
    if (n % 200 === 199) await yieldToEventLoop();
    const lo = shiftDays(article.submittedDate, -WINDOW_DAYS);
    const hi = shiftDays(article.submittedDate, WINDOW_DAYS);
    const hits = index.search(article.normalizedTitle, undefined, 10)
      .filter((h) => byId.get(h.id)!.submittedDate >= lo && byId.get(h.id)!.submittedDate <= hi)
      .slice(0, 2);
    if (hits.length > 0) found.push({ article, hits });
  }
  const units = new Map<number, { unitId: number; name: string }[]>();
  for (const part of chunks([...new Set(found.flatMap((f) => f.hits.map((h) => h.id)))])) {
    for (const r of await recorded.findUnitNames(part)) units.set(Number(r.articleId), [...(units.get(Number(r.articleId)) ?? []), { unitId: Number(r.unitId), name: r.name }]);
  }
  const mention = ({ id, similarity }: { id: number; similarity: number }) => {
    const on = units.get(id) ?? [];
    if (ownUnitId !== null && !on.some((u) => u.unitId === ownUnitId)) return `${OTHER_UNIT_SIMILAR_TITLE}（相似度 ${Math.round(similarity * 100)}%）`;
    return `《${byId.get(id)!.title}》（${on.map((u) => u.name).join('、')}，${byId.get(id)!.submittedDate}）`;
  };
  return found.map(({ article, hits }) => ({
    row: article.firstRow,
    column: '稿件标题',
    level: 'warning' as const,
    message: `可能与已录入的稿件重复：${hits.map(mention).join('；')}。导入后可由办公室合并或标记为不同稿件`,
  }));
}
