import type { ImportProblem } from './article-sheet-layout';
import { AUTO_KEY_PREFIX } from './article-sheet-layout';
import type { ArticleDraft, PlacementDraft } from './article-row-validator';
import { BACKDATED_CODE, BACKDATED_MESSAGE } from '../article-backdating';

/** An article already recorded that a sheet row may refer to. */
export interface ExistingArticle {
  id: number;
  externalKey: string | null;
  title: string;
  normalizedTitle: string;
  status: string;
  ownerUnitId: number;
  unitSet: string;
}

export interface ImportPlan {
  /** Articles to create, each with all its placements. */
  newArticles: ArticleDraft[];
  /** New placements of articles already recorded. */
  addedPlacements: { articleId: number; placement: PlacementDraft }[];
  /** Valid rows whose article and placement were all recorded before: nothing to do. */
  skippedRows: number;
  /** Rows refused because of what is already recorded (rejected article, another unit's key). */
  problems: ImportProblem[];
  invalidRows: Set<number>;
}

export const CHUNK = 500;

export function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** What the plan reads of what is recorded, CHUNK values at a time (ArticleImportRepository). */
export interface RecordedArticles {
  /** The office's articles whose `column` is one of `values`. */
  findByColumn(officeId: number, column: 'externalKey' | 'normalizedTitle', values: readonly string[]): Promise<Omit<ExistingArticle, 'unitSet'>[]>;
  findUnitIds(articleIds: readonly number[]): Promise<{ articleId: number; unitId: number }[]>;
  /** The (outlet, day) of each placement of these articles. */
  findPlacementDays(articleIds: readonly number[]): Promise<{ articleId: number; outletId: number; publishedDate: string }[]>;
}

async function loadExisting(recorded: RecordedArticles, officeId: number, column: 'externalKey' | 'normalizedTitle', values: string[]): Promise<ExistingArticle[]> {
  const found: ExistingArticle[] = [];
  for (const part of chunks([...new Set(values)])) {
    const rows = await recorded.findByColumn(officeId, column, part);
    found.push(...rows.map((r) => ({ ...r, id: Number(r.id), ownerUnitId: Number(r.ownerUnitId), unitSet: '' })));
  }
  return found;
}

/**
 * Decides, against what is recorded, what a validated sheet adds: an article is the one
 * already recorded under its key (编号 or the derived key), or — for articles entered by
 * hand, which have no key — the one with the same units and normalised title. Nothing
 * recorded is changed; placements already recorded (same article, outlet and day) are skipped.
 * `submittedFrom` (an officer's import: today) refuses new articles dated before it; a row of an
 * article already recorded changes no date, so it back-dates nothing and a re-import still skips.
 */
export async function planImport(reader: RecordedArticles, officeId: number, ownUnitId: number | null, drafts: ArticleDraft[], submittedFrom: string | null = null): Promise<ImportPlan> {
  const byKey = new Map((await loadExisting(reader, officeId, 'externalKey', drafts.map((d) => d.key))).map((a) => [a.externalKey!, a]));
  const byTitle = await loadExisting(reader, officeId, 'normalizedTitle', drafts.map((d) => d.normalizedTitle));
  const all = new Map([...byTitle, ...byKey.values()].map((a) => [a.id, a]));
  const unitIds = new Map<number, number[]>();
  for (const part of chunks([...all.keys()])) {
    for (const r of await reader.findUnitIds(part)) unitIds.set(Number(r.articleId), [...(unitIds.get(Number(r.articleId)) ?? []), Number(r.unitId)]);
  }
  for (const a of all.values()) a.unitSet = (unitIds.get(a.id) ?? []).sort((x, y) => x - y).join(',');

  const titles = new Map<string, ExistingArticle[]>();
  for (const a of byTitle) titles.set(a.normalizedTitle, [...(titles.get(a.normalizedTitle) ?? []), all.get(a.id)!]);
  const matchOf = (d: ArticleDraft) =>
    byKey.get(d.key) ??
    titles.get(d.normalizedTitle)?.find((a) => a.unitSet === d.unitSet && (a.externalKey === null || a.externalKey.startsWith(AUTO_KEY_PREFIX)));

  const plan: ImportPlan = { newArticles: [], addedPlacements: [], skippedRows: 0, problems: [], invalidRows: new Set() };
  const matched = new Map<ArticleDraft, ExistingArticle>();
  for (const d of drafts) {
    const m = matchOf(d);
    if (m) matched.set(d, m);
    else if (submittedFrom !== null && d.submittedDate < submittedFrom) {
      for (const row of d.rows) {
        plan.problems.push({ row, column: '报送日期', level: 'error', code: BACKDATED_CODE, message: `第 ${row} 行「报送日期」${d.submittedDate} 早于今天（${submittedFrom}）：${BACKDATED_MESSAGE}` });
        plan.invalidRows.add(row);
      }
    } else plan.newArticles.push(d);
  }

  const recorded = new Set<string>();
  for (const part of chunks([...new Set([...matched.values()].map((m) => m.id))])) {
    for (const r of await reader.findPlacementDays(part)) recorded.add(`${Number(r.articleId)}|${Number(r.outletId)}|${r.publishedDate}`);
  }

  const refuse = (row: number, column: string, message: string) => {
    plan.problems.push({ row, column, message, level: 'error' });
    plan.invalidRows.add(row);
  };
  for (const [d, m] of matched) {
    if (ownUnitId !== null && !m.unitSet.split(',').includes(String(ownUnitId))) {
      for (const row of d.rows) refuse(row, '编号', `编号「${d.key}」已被其他单位的稿件使用，请换一个编号`);
      continue;
    }
    if (d.explicitKey && m.normalizedTitle !== d.normalizedTitle) {
      plan.problems.push({ row: d.firstRow, column: '稿件标题', message: `编号「${d.key}」已对应稿件《${m.title}》，与本行标题不同；导入不会修改已有稿件`, level: 'warning' });
    }
    const placementRows = new Set(d.placements.map((p) => p.row));
    plan.skippedRows += d.rows.filter((row) => !placementRows.has(row)).length;
    for (const p of d.placements) {
      if (recorded.has(`${m.id}|${p.outletId}|${p.publishedDate}`)) plan.skippedRows++;
      else if (m.status === 'rejected') refuse(p.row, '稿件标题', `稿件《${m.title}》已被办公室认定不予采用，不能再添加录用`);
      else if (ownUnitId !== null && m.ownerUnitId !== ownUnitId) refuse(p.row, '报送单位', `稿件《${m.title}》由其他单位主报，只有主报单位信息员可以添加录用记录`);
      else plan.addedPlacements.push({ articleId: m.id, placement: p });
    }
  }
  return plan;
}
