import { LEVELS, LEVEL_LABELS } from '@app/contracts';
import type { NoticeAdoption, NoticeData, NoticeLevel, NoticeOmittedLevel, NoticeUnitRow } from './notice-data';
import { MIN_BASE, chineseDateIn, chineseNumber, compareWithBase, formatCount, formatPoints, formatScoreChange, nestQuotes, parseQuarter, pointsValue } from './notice-format';

/** Columns of 附件1, in order; the DOCX, the XLSX and the web view all use this list. */
export const RANKING_COLUMNS = ['排名', '单位', '报送数', '中央级', '省级', '市级', '区级', '批示', '约稿完成', '月报', '得分', '同比'] as const;

/** Columns of 附件2, in order. */
export const ADOPTION_COLUMNS = ['单位', '稿件标题', '媒体/刊物', '刊发日期', '版面', '备注'] as const;

export const ADOPTION_LEGEND = '注：★ 领导批示；▲ 约稿；◆ 头版头条。';

/** Columns of 附件3 (the entries left out of the ranking when the quarter was closed), in order. */
export const EXCLUDED_COLUMNS = ['序号', '单位', '类别', '标题'] as const;

/** What each kind of excluded entry is called in 附件3. */
export const EXCLUDED_TYPE_LABELS: Record<string, string> = {
  article: '稿件',
  placement: '录用',
  instruction: '批示',
  item: '事项',
  adjustment: '加减分',
  commission: '约稿',
  'monthly-report': '月报',
};

/**
 * The most rows 附件2 lists in the DOCX and the web view. A district's quarter (about a hundred
 * adoptions) is listed in full, as readers expect; a city's or a province's (tens of thousands)
 * would make a document of thousands of pages that takes minutes and gigabytes to render. Above
 * the limit whole levels are listed from the highest while they fit and the rest is summed up
 * in one sentence; the spreadsheet's 附件2 always holds every row.
 */
export const ADOPTION_LIST_LIMIT = 300;

/**
 * Units by ranking group in the order the notice prints the groups of 附件1: a group comes where
 * its best-ranked unit does (group rank, then unit code). The rankings page opens on the first.
 */
export function groupsInNoticeOrder<R extends { groupName: string; groupRank: number; unitCode: string }>(rows: R[]): Map<string, R[]> {
  const byGroup = new Map<string, R[]>();
  for (const r of [...rows].sort((a, b) => a.groupRank - b.groupRank || a.unitCode.localeCompare(b.unitCode))) {
    const list = byGroup.get(r.groupName);
    if (list) list.push(r);
    else byGroup.set(r.groupName, [r]);
  }
  return byGroup;
}

/** A row of a 附件1 ranking table: the unit's counts as they are, the rest formatted for print. */
export interface RankingRow extends Pick<NoticeUnitRow, 'unitCode' | 'unitName' | 'articlesSubmitted' | NoticeLevel | 'instructions'> {
  rank: number;
  /** "2/3" (done/due) or "—" when nothing was due */
  commissions: string;
  /** "按时", "迟报1", "未报1", "迟报1、未报1" */
  monthly: string;
  /** "72.50" */
  score: string;
  /** 72.5, rounded like score, for spreadsheets */
  scoreValue: number;
  /** "+21.3%" or "—" */
  change: string;
  /** 0.213, or null when there is no comparison */
  changeValue: number | null;
}

export interface RankingTable {
  /** '（一）镇街组' in the document */
  caption: string;
  /** the group name, or 总排名 */
  name: string;
  rows: RankingRow[];
}

export interface AdoptionRow {
  units: string;
  title: string;
  outlet: string;
  /** 2023年5月12日 */
  date: string;
  /** 2023-05-12 */
  isoDate: string;
  page: string;
  /** ★▲◆ in that order */
  marks: string;
}

export interface AdoptionGroup {
  level: NoticeLevel;
  /** 中央级（2篇次） */
  caption: string;
  rows: AdoptionRow[];
}

export const OVERALL_NAME = '总排名';

/** The one collator of the notice: outlet names and titles sort the same in every output and in the builder. */
export const noticeCollator = new Intl.Collator('zh-Hans-CN');
const collator = noticeCollator;

function monthlyText(row: NoticeUnitRow): string {
  const parts: string[] = [];
  if (row.monthlyLate > 0) parts.push(`迟报${row.monthlyLate}`);
  if (row.monthlyMissing > 0) parts.push(`未报${row.monthlyMissing}`);
  return parts.length > 0 ? parts.join('、') : '按时';
}

function rankingRow(row: NoticeUnitRow, rank: number): RankingRow {
  const c = compareWithBase(row.total, row.lastYearTotal, MIN_BASE.points);
  return {
    rank,
    unitCode: row.unitCode,
    unitName: row.unitName,
    articlesSubmitted: row.articlesSubmitted,
    central: row.central,
    provincial: row.provincial,
    municipal: row.municipal,
    district: row.district,
    instructions: row.instructions,
    commissions: row.commissionsDue > 0 ? `${row.commissionsDone}/${row.commissionsDue}` : '—',
    monthly: monthlyText(row),
    score: formatPoints(row.total),
    scoreValue: pointsValue(row.total),
    change: formatScoreChange(row.total, row.lastYearTotal),
    changeValue: c.kind === 'percent' ? Number(c.tenths) / 1000 : null,
  };
}

// Ties share a rank and are listed by unit code; sorting here keeps every output identical
// even if a caller hands the rows over in another order.
function byRank(rows: NoticeUnitRow[], rankOf: (r: NoticeUnitRow) => number): NoticeUnitRow[] {
  return [...rows].sort((a, b) => rankOf(a) - rankOf(b) || (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0));
}

/** The cells of one ranking row as text, in RANKING_COLUMNS order. */
export function rankingCells(row: RankingRow): string[] {
  return [
    String(row.rank),
    row.unitName,
    String(row.articlesSubmitted),
    String(row.central),
    String(row.provincial),
    String(row.municipal),
    String(row.district),
    String(row.instructions),
    row.commissions,
    row.monthly,
    row.score,
    row.change,
  ];
}

/** One table per group (by groupRank), then the overall table (by overallRank). */
export function rankingTables(data: NoticeData): RankingTable[] {
  const tables: RankingTable[] = data.groups.map((g, i) => ({
    caption: `（${chineseNumber(i + 1)}）${g.groupName}`,
    name: g.groupName,
    rows: byRank(g.rows, (r) => r.groupRank).map((r) => rankingRow(r, r.groupRank)),
  }));
  tables.push({
    caption: `（${chineseNumber(data.groups.length + 1)}）${OVERALL_NAME}`,
    name: OVERALL_NAME,
    rows: byRank(data.overall, (r) => r.overallRank).map((r) => rankingRow(r, r.overallRank)),
  });
  return tables;
}

/** ★▲◆ of an adoption, in that order. */
export function marks(a: NoticeAdoption): string {
  return `${a.instruction ? '★' : ''}${a.commission ? '▲' : ''}${a.headline ? '◆' : ''}`;
}

/** The order of 附件2 within a level: outlet, then date, then title. */
export function compareWithinLevel(a: NoticeAdoption, b: NoticeAdoption): number {
  return collator.compare(a.outletName, b.outletName) || (a.publishedDate < b.publishedDate ? -1 : a.publishedDate > b.publishedDate ? 1 : 0) || collator.compare(a.title, b.title);
}

/**
 * One adoption as the cells of 附件2; dates in the notice's year leave the year out (10月21日),
 * which keeps the date column on one line.
 */
export function adoptionRow(a: NoticeAdoption, year: number): AdoptionRow {
  return {
    units: a.unitNames.join('、'),
    title: nestQuotes(a.title),
    outlet: a.outletName,
    date: chineseDateIn(a.publishedDate, year),
    isoDate: a.publishedDate,
    page: a.page ?? '',
    marks: marks(a),
  };
}

/**
 * Which levels 附件2 lists row by row in the DOCX and the web view, given how many adoptions
 * each level has: all of them when the quarter has at most `limit`; else whole levels from the
 * highest (central → district) while the running total stays within the limit. The first level
 * that does not fit and every lower one are left out, never listed in part, so a reader never
 * mistakes a cut list for a complete one.
 */
export function listedAdoptionLevels(counts: Partial<Record<NoticeLevel, number>>, limit = ADOPTION_LIST_LIMIT): NoticeLevel[] {
  const listed: NoticeLevel[] = [];
  let total = 0;
  for (const level of LEVELS) {
    total += counts[level] ?? 0;
    if (total > limit) break;
    listed.push(level);
  }
  return listed;
}

/** The levels listedAdoptionLevels leaves out that have adoptions, with their counts, highest first. */
export function omittedAdoptionLevels(counts: Partial<Record<NoticeLevel, number>>, limit = ADOPTION_LIST_LIMIT): NoticeOmittedLevel[] {
  const listed = new Set(listedAdoptionLevels(counts, limit));
  return LEVELS.filter((l) => !listed.has(l) && (counts[l] ?? 0) > 0).map((level) => ({ level, count: counts[level] ?? 0 }));
}

/**
 * The sentence under 附件2's table for the levels not listed row by row:
 * 另有市级录用5,210篇次、区级录用30,112篇次，明细见电子表格版附件2（录用情况一览表）。
 * When no level could be listed at all it gives the total and every level instead. Null when
 * nothing was left out.
 */
export function omittedAdoptionsText(omitted: NoticeOmittedLevel[] | undefined, anyListed: boolean): string | null {
  const levels = (omitted ?? []).filter((o) => o.count > 0);
  if (levels.length === 0) return null;
  const where = '明细见电子表格版附件2（录用情况一览表）。';
  const each = levels.map((o) => `${LEVEL_LABELS[o.level]}录用${formatCount(o.count)}篇次`).join('、');
  if (anyListed) return `另有${each}，${where}`;
  const total = levels.reduce((n, o) => n + o.count, 0);
  const lead =
    levels.length === 1
      ? `本季度录用均为${LEVEL_LABELS[levels[0].level]}，共${formatCount(total)}篇次`
      : `本季度共录用${formatCount(total)}篇次（${levels.map((o) => `${LEVEL_LABELS[o.level]}${formatCount(o.count)}篇次`).join('、')}）`;
  return `${lead}，条目较多，不逐条列出，${where}`;
}

/**
 * The adoption list grouped by level (central first), then outlet, then date; empty levels and
 * the levels the data marks as omitted are left out.
 */
export function adoptionGroups(data: NoticeData): AdoptionGroup[] {
  const omitted = new Set((data.adoptionsOmitted ?? []).map((o) => o.level));
  return LEVELS.filter((level) => !omitted.has(level))
    .map((level) => {
      const rows = data.adoptions
        .filter((a) => a.level === level)
        .sort(compareWithinLevel)
        .map((a) => adoptionRow(a, parseQuarter(data.quarter).year));
      return { level, caption: `${LEVEL_LABELS[level]}（${rows.length}篇次）`, rows };
    })
    .filter((g) => g.rows.length > 0);
}

/** The cells of one adoption row as text, in ADOPTION_COLUMNS order. */
export function adoptionCells(row: AdoptionRow): string[] {
  return [row.units, row.title, row.outlet, row.date, row.page, row.marks];
}

/** 2023年第二季度信息宣传工作得分排名表 */
export function rankingAttachmentTitle(data: NoticeData): string {
  return `${parseQuarter(data.quarter).label}信息宣传工作得分排名表${data.kind === 'correction' ? '（更正后）' : ''}`;
}

/** 2023年第二季度未核定记录明细表 */
export function excludedAttachmentTitle(data: NoticeData): string {
  return `${parseQuarter(data.quarter).label}未核定记录明细表`;
}

/** The rows of 附件3, as cells in EXCLUDED_COLUMNS order, in the order the quarter was closed with. */
export function excludedRows(data: NoticeData): string[][] {
  return data.summary.excluded.map((e, i) => [String(i + 1), e.unitName ?? '', EXCLUDED_TYPE_LABELS[e.type] ?? e.type, nestQuotes(e.title)]);
}

/** 2023年第二季度信息宣传录用情况一览表 */
export function adoptionAttachmentTitle(data: NoticeData): string {
  return `${parseQuarter(data.quarter).label}信息宣传录用情况一览表`;
}
