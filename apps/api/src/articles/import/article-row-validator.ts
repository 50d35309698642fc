import { createHash } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { PLACEMENT_FORM_LABELS, PLACEMENT_FORMS, PROMINENCE_LABELS, PROMINENCES, type PlacementForm, type Prominence } from '@app/contracts';
import { normalizeTitle } from '../title-similarity';
import { AUTO_KEY_PREFIX, compareProblems, type ArticleColumn, type ImportProblem } from './article-sheet-layout';
import type { SheetRow } from './article-sheet-reader';
import { NameMatcher, type NamedRef } from './name-matcher';
import { cellCount, cellDate, cellText, cellUrl } from './sheet-cells';
import { applySigningOrder, parseUnitList, type UnitShare } from './unit-list';

export interface ImportContext {
  units: NamedRef[];
  outlets: NamedRef[];
  /** An officer's unit: rows default to it and must include it. Null for the office. */
  ownUnitId: number | null;
  /** Today's business date: nothing may be dated after it. */
  today: string;
  /**
   * An officer's import: an empty 报送日期 means today rather than the first 刊发日期 (the plan
   * refuses new articles dated earlier, see planImport).
   */
  todayOnly?: boolean;
  earlyMarginDays: number;
  date1904?: boolean;
}

export interface PlacementDraft {
  row: number;
  key: string;
  outletId: number;
  outletName: string;
  publishedDate: string;
  page: string | null;
  prominence: Prominence;
  url: string | null;
  form: PlacementForm;
  views: number | null;
}

export interface ArticleDraft {
  key: string;
  /** The key came from the 编号 column (not derived from units + title). */
  explicitKey: boolean;
  firstRow: number;
  rows: number[];
  title: string;
  normalizedTitle: string;
  wordCount: number | null;
  genre: string | null;
  authors: string | null;
  submittedDate: string;
  ownerUnitId: number;
  /** In signing order (署名顺序, else the order written in 报送单位): stored as the units' positions. */
  units: UnitShare[];
  /** Sorted unit ids joined with commas: the same set of units, whatever the order written. */
  unitSet: string;
  placements: PlacementDraft[];
}

export interface ValidatedSheet {
  articles: ArticleDraft[];
  problems: ImportProblem[];
  /** Rows with at least one error: not imported. */
  invalidRows: Set<number>;
}

interface RowFields {
  row: number;
  key: string | null;
  units: UnitShare[];
  title: string;
  normalizedTitle: string;
  wordCount: number | null;
  genre: string | null;
  authors: string | null;
  submittedDate: string | null;
  placement: Omit<PlacementDraft, 'key'> | null;
}

/** Rows checked between two turns of the event loop. */
const ROWS_PER_TURN = 500;

const hash = (text: string) => AUTO_KEY_PREFIX + createHash('sha256').update(text).digest('hex').slice(0, 40);

/** The key of an article without 编号: its set of units and its normalised title. */
export const articleAutoKey = (unitSet: string, normalizedTitle: string) => hash(`${unitSet}|${normalizedTitle}`);

/** The key of a placement: its article, outlet and day (the same triple the database keeps unique). */
export const placementKey = (articleKey: string, outletId: number, publishedDate: string) => hash(`${articleKey}|${outletId}|${publishedDate}`);

const unitSetOf = (units: UnitShare[]) => units.map((u) => u.unitId).sort((a, b) => a - b).join(',');
const signingOf = (units: UnitShare[]) => units.map((u) => u.unitId).join(',');
const sharesOf = (units: UnitShare[]) => [...units].sort((a, b) => a.unitId - b.unitId).map((u) => `${u.unitId}:${u.shareBp}`).join(',');

/** Views of one placement: a billion is far beyond any real figure (as the placement form). */
const MAX_VIEWS = 1_000_000_000;

function formOf(text: string): PlacementForm | undefined {
  const t = text.normalize('NFKC').trim();
  if (t === '') return 'full';
  return PLACEMENT_FORMS.find((f) => f === t.toLowerCase() || PLACEMENT_FORM_LABELS[f] === t);
}

function prominenceOf(text: string): Prominence | undefined {
  const t = text.normalize('NFKC').trim();
  if (t === '') return 'normal';
  return PROMINENCES.find((p) => p === t.toLowerCase() || PROMINENCE_LABELS[p] === t);
}

/**
 * Checks every row of the articles sheet and groups the good ones into articles with their
 * placements. Pure: the caller supplies units, outlets and today's date. A row with any
 * error is left out whole; warnings are reported and the row is still imported. Async only to
 * give the event loop a turn every few hundred rows: imports run inside the API process.
 */
export async function validateArticleRows(rows: SheetRow[], ctx: ImportContext): Promise<ValidatedSheet> {
  const problems: ImportProblem[] = [];
  const invalidRows = new Set<number>();
  const error = (row: number, column: ArticleColumn, message: string) => {
    problems.push({ row, column, message, level: 'error' });
    invalidRows.add(row);
  };
  const warn = (row: number, column: ArticleColumn, message: string) => problems.push({ row, column, message, level: 'warning' });

  const unitMatcher = new NameMatcher(ctx.units, '报送单位', true);
  const outletMatcher = new NameMatcher(ctx.outlets, '媒体/刊物');
  const ownUnit = ctx.units.find((u) => u.id === ctx.ownUnitId);

  const parsed: RowFields[] = [];
  for (const [index, { row, cells }] of rows.entries()) {
    if (index % ROWS_PER_TURN === ROWS_PER_TURN - 1) await yieldToEventLoop();
    const text = (column: ArticleColumn) => cellText(cells[column]);
    const limited = (column: ArticleColumn, max: number): string | null => {
      const value = text(column);
      if (value.length > max) error(row, column, `${column}最长 ${max} 个字符，当前 ${value.length} 个`);
      return value === '' ? null : value;
    };

    // Keys compare case- and width-insensitively on MariaDB; fold them so SQLite agrees.
    const key = limited('编号', 100)?.normalize('NFKC').replace(/\s+/g, ' ').toUpperCase() ?? null;
    const title = text('稿件标题');
    const normalizedTitle = normalizeTitle(title);
    if (title === '') error(row, '稿件标题', '稿件标题必填');
    else if (title.length > 200) error(row, '稿件标题', `稿件标题最长 200 个字符，当前 ${title.length} 个`);
    else if (normalizedTitle === '') error(row, '稿件标题', '稿件标题不能只有标点符号');

    let units: UnitShare[] = [];
    const unitText = text('报送单位');
    if (unitText === '') {
      if (ownUnit) units = [{ unitId: ownUnit.id, shareBp: null }];
      else if (ctx.ownUnitId !== null) error(row, '报送单位', '本单位不存在或已停用');
      else error(row, '报送单位', '办公室导入时必须填写报送单位（单位代码或名称）');
    } else {
      const result = parseUnitList(unitText, unitMatcher);
      for (const message of result.errors) error(row, '报送单位', message);
      units = result.units;
      if (result.errors.length === 0 && ctx.ownUnitId !== null && !units.some((u) => u.unitId === ctx.ownUnitId)) {
        error(row, '报送单位', `只能导入本单位（${ownUnit?.name ?? '本单位'}）的稿件；联合稿件须把本单位列入报送单位`);
      }
    }
    if (units.length > 0) {
      const signed = applySigningOrder(units, text('署名顺序'));
      for (const message of signed.errors) error(row, '署名顺序', message);
      units = signed.units;
    }

    const wordCount = cellCount(cells['字数']);
    if (wordCount && !wordCount.ok) error(row, '字数', wordCount.message);
    const genre = limited('体裁', 30);
    const authors = limited('作者', 200);

    const submitted = cellDate(cells['报送日期'], ctx.date1904);
    if (submitted && !submitted.ok) error(row, '报送日期', submitted.message);
    else if (submitted?.ok && submitted.value > ctx.today) error(row, '报送日期', `报送日期 ${submitted.value} 晚于今天（${ctx.today}）`);

    let placement: RowFields['placement'] = null;
    const outletText = text('媒体/刊物');
    const page = limited('版面', 50);
    const url = cellUrl(cells['链接']);
    if (url.length > 500) error(row, '链接', '链接最长 500 个字符');
    else if (url !== '' && !/^https?:\/\/\S+$/i.test(url)) error(row, '链接', `链接「${url}」应以 http:// 或 https:// 开头`);
    const prominence = prominenceOf(text('位置'));
    if (!prominence) error(row, '位置', `位置「${text('位置')}」无效，应为 ${PROMINENCES.map((p) => PROMINENCE_LABELS[p]).join('/')}（不填为一般）`);
    const form = formOf(text('采用形式'));
    if (!form) error(row, '采用形式', `采用形式「${text('采用形式')}」无效，应为 ${PLACEMENT_FORMS.map((f) => PLACEMENT_FORM_LABELS[f]).join('/')}（不填为全文）`);
    const views = cellCount(cells['阅读量'], '阅读量', MAX_VIEWS);
    if (views && !views.ok) error(row, '阅读量', views.message);
    const published = cellDate(cells['刊发日期'], ctx.date1904);
    if (outletText === '') {
      const orphan = (['刊发日期', '版面', '位置', '链接', '采用形式', '阅读量'] as const).filter((c) => text(c) !== '');
      if (orphan.length > 0) error(row, '媒体/刊物', `填写了${orphan.join('、')}，但没有填写媒体/刊物`);
    } else {
      const outlet = outletMatcher.match(outletText);
      if (!outlet.ok) error(row, '媒体/刊物', outlet.message);
      if (!published) error(row, '刊发日期', '有媒体/刊物时刊发日期必填');
      else if (!published.ok) error(row, '刊发日期', published.message);
      else if (published.value > ctx.today) error(row, '刊发日期', `刊发日期 ${published.value} 晚于今天（${ctx.today}）`);
      if (outlet.ok && published?.ok && prominence && form && (!views || views.ok)) {
        placement = {
          row, outletId: outlet.ref.id, outletName: outlet.ref.name, publishedDate: published.value, page, prominence, url: url || null,
          form, views: views?.ok ? views.value : null,
        };
      }
    }

    if (invalidRows.has(row)) continue;
    parsed.push({
      row, key, units, title, normalizedTitle,
      wordCount: wordCount?.ok ? wordCount.value : null,
      genre, authors,
      submittedDate: submitted?.ok ? submitted.value : null,
      placement,
    });
  }

  const articles = groupRows(parsed, ctx, error, warn);
  problems.sort(compareProblems);
  return { articles, problems, invalidRows };
}

type Report = (row: number, column: ArticleColumn, message: string) => void;

/** Rows with the same key become one article; later rows must agree with the first. */
function groupRows(parsed: RowFields[], ctx: ImportContext, error: Report, warn: Report): ArticleDraft[] {
  const byKey = new Map<string, { draft: ArticleDraft; submitted: { row: number; date: string } | null }>();
  for (const r of parsed) {
    const unitSet = unitSetOf(r.units);
    const key = r.key ?? articleAutoKey(unitSet, r.normalizedTitle);
    const group = byKey.get(key);
    if (!group) {
      byKey.set(key, {
        submitted: r.submittedDate ? { row: r.row, date: r.submittedDate } : null,
        draft: {
          key, explicitKey: r.key !== null, firstRow: r.row, rows: [r.row],
          title: r.title, normalizedTitle: r.normalizedTitle,
          wordCount: r.wordCount, genre: r.genre, authors: r.authors, submittedDate: '',
          ownerUnitId: ctx.ownUnitId ?? r.units[0].unitId,
          units: r.units, unitSet,
          placements: r.placement ? [{ ...r.placement, key: placementKey(key, r.placement.outletId, r.placement.publishedDate) }] : [],
        },
      });
      continue;
    }
    const { draft } = group;
    if (draft.normalizedTitle !== r.normalizedTitle || draft.unitSet !== unitSet) {
      error(r.row, r.normalizedTitle !== draft.normalizedTitle ? '稿件标题' : '报送单位', `编号「${key}」在第 ${draft.firstRow} 行是另一篇稿件（标题或报送单位不同）`);
      continue;
    }
    const twin = r.placement && draft.placements.find((p) => p.outletId === r.placement!.outletId && p.publishedDate === r.placement!.publishedDate);
    if (twin) {
      error(r.row, '刊发日期', `与第 ${twin.row} 行重复：同一稿件同一天在同一媒体只能录用一次`);
      continue;
    }
    const differs = (column: ArticleColumn, mine: unknown, theirs: unknown) => {
      if (mine !== null && theirs !== null && mine !== theirs) warn(r.row, column, `与第 ${draft.firstRow} 行（同一稿件）的${column === '报送单位' ? '份额' : column}不一致，按先出现的一行导入`);
    };
    differs('字数', r.wordCount, draft.wordCount);
    differs('体裁', r.genre, draft.genre);
    differs('作者', r.authors, draft.authors);
    differs('报送单位', sharesOf(r.units), sharesOf(draft.units));
    if (signingOf(r.units) !== signingOf(draft.units)) warn(r.row, '署名顺序', `与第 ${draft.firstRow} 行（同一稿件）的署名顺序不一致，按先出现的一行导入`);
    if (r.submittedDate && group.submitted && r.submittedDate !== group.submitted.date) {
      warn(r.row, '报送日期', `与第 ${group.submitted.row} 行（同一稿件）的报送日期不一致，按先出现的一行导入`);
    }
    draft.wordCount ??= r.wordCount;
    draft.genre ??= r.genre;
    draft.authors ??= r.authors;
    group.submitted ??= r.submittedDate ? { row: r.row, date: r.submittedDate } : null;
    draft.rows.push(r.row);
    if (r.placement) draft.placements.push({ ...r.placement, key: placementKey(key, r.placement.outletId, r.placement.publishedDate) });
  }

  const articles: ArticleDraft[] = [];
  for (const { draft, submitted } of byKey.values()) {
    const earliestPublished = draft.placements.map((p) => p.publishedDate).sort()[0];
    draft.submittedDate = submitted?.date ?? (ctx.todayOnly ? ctx.today : earliestPublished ?? ctx.today);
    const margin = ctx.earlyMarginDays;
    const earliest = new Date(Date.parse(`${draft.submittedDate}T00:00:00Z`) - margin * 86_400_000).toISOString().slice(0, 10);
    for (const p of draft.placements) {
      if (p.publishedDate < earliest) {
        warn(p.row, '刊发日期', `刊发日期 ${p.publishedDate} 比稿件报送日期 ${draft.submittedDate} 早 ${margin} 天以上，请核实（已导入）`);
      }
    }
    articles.push(draft);
  }
  return articles;
}
