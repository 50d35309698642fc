import { LEVELS, LEVEL_LABELS } from '@app/contracts';
import type { NoticeAdoption, NoticeData, NoticeLevel, NoticeUnitRow } from './notice-data';
import { changeTenths, chineseDate, chineseNumber, formatChange, formatPoints, parseQuarter, pointsValue } from './notice-format';

/** Columns of 附件1, in order; the DOCX, the XLSX and the web view all use this list. */
export const RANKING_COLUMNS = ['排名', '单位', '报送数', '中央级', '省级', '市级', '区级', '批示', '约稿完成', '月报', '得分', '同比'] as const;

/** Columns of 附件2, in order. */
export const ADOPTION_COLUMNS = ['单位', '稿件标题', '媒体/刊物', '刊发日期', '版面', '备注'] as const;

export const ADOPTION_LEGEND = '注：★ 领导批示；▲ 约稿；◆ 头版头条。';

export interface RankingRow {
  rank: number;
  unitCode: string;
  unitName: string;
  articlesSubmitted: number;
  central: number;
  provincial: number;
  municipal: number;
  district: number;
  instructions: number;
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

const collator = new Intl.Collator('zh-Hans-CN');

function monthlyText(row: NoticeUnitRow): string {
  const parts: string[] = [];
  if (row.monthlyLate > 0) parts.push(`迟报${row.monthlyLate}`);
  if (row.monthlyMissing > 0) parts.push(`未报${row.monthlyMissing}`);
  return parts.length > 0 ? parts.join('、') : '按时';
}

function rankingRow(row: NoticeUnitRow, rank: number): RankingRow {
  const tenths = changeTenths(row.total, row.lastYearTotal);
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
    change: formatChange(row.total, row.lastYearTotal),
    changeValue: tenths === null ? null : Number(tenths) / 1000,
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

function marks(a: NoticeAdoption): string {
  return `${a.instruction ? '★' : ''}${a.commission ? '▲' : ''}${a.headline ? '◆' : ''}`;
}

/** The adoption list grouped by level (central first), then outlet, then date; empty levels left out. */
export function adoptionGroups(data: NoticeData): AdoptionGroup[] {
  return LEVELS.map((level) => {
    const rows = data.adoptions
      .filter((a) => a.level === level)
      .sort((a, b) => collator.compare(a.outletName, b.outletName) || a.publishedDate.localeCompare(b.publishedDate) || collator.compare(a.title, b.title))
      .map((a) => ({
        units: a.unitNames.join('、'),
        title: a.title,
        outlet: a.outletName,
        date: chineseDate(a.publishedDate),
        isoDate: a.publishedDate,
        page: a.page ?? '',
        marks: marks(a),
      }));
    return { level, caption: `${LEVEL_LABELS[level]}（${rows.length}篇次）`, rows };
  }).filter((g) => g.rows.length > 0);
}

/** The cells of one adoption row as text, in ADOPTION_COLUMNS order. */
export function adoptionCells(row: AdoptionRow): string[] {
  return [row.units, row.title, row.outlet, row.date, row.page, row.marks];
}

/** 2023年第二季度信息宣传工作得分排名表 */
export function rankingAttachmentTitle(data: NoticeData): string {
  return `${parseQuarter(data.quarter).label}信息宣传工作得分排名表${data.kind === 'correction' ? '（更正后）' : ''}`;
}

/** 2023年第二季度信息宣传录用情况一览表 */
export function adoptionAttachmentTitle(data: NoticeData): string {
  return `${parseQuarter(data.quarter).label}信息宣传录用情况一览表`;
}
