import ExcelJS from 'exceljs';
import { formatPoints } from '@app/scoring';
import { quarterName } from '../audit/audit-subjects';
import type { SnapshotUnit } from '@app/contracts';

type Cell = string | number;

function addSheet(book: ExcelJS.Workbook, name: string, title: string, header: { label: string; width: number }[], rows: Cell[][]) {
  // Sheet names: at most 31 characters and none of : \ / ? * [ ]
  const sheet = book.addWorksheet(name.replace(/[:\\/?*[\]]/g, '').slice(0, 31), { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = header.map((h) => ({ width: h.width }));
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, header.length);
  const head = sheet.addRow(header.map((h) => h.label));
  head.font = { bold: true };
  head.alignment = { horizontal: 'center' };
  for (const r of rows) sheet.addRow(r);
  // The header row repeats on every printed page.
  sheet.pageSetup.printTitlesRow = '2:2';
  return sheet;
}

const monthly = (u: SnapshotUnit) => [u.monthlyLate ? `迟报${u.monthlyLate}` : '', u.monthlyMissing ? `未报${u.monthlyMissing}` : ''].filter(Boolean).join('、') || '按时';

/** A published quarter's ranking as the rankings page shows it: the overall list, then one sheet per group. */
export async function writeRankingSheet(quarter: string, revision: number, units: SnapshotUnit[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const columns = (overall: boolean) => [
    { label: '排名', width: 7 }, { label: '单位', width: 24 }, ...(overall ? [{ label: '分组', width: 10 }] : []),
    { label: '报送数', width: 8 }, { label: '中央级', width: 8 }, { label: '省级', width: 8 }, { label: '市级', width: 8 }, { label: '区级', width: 8 },
    { label: '批示', width: 7 }, { label: '约稿完成', width: 10 }, { label: '月报', width: 14 }, { label: '得分', width: 10 },
  ];
  const row = (u: SnapshotUnit, overall: boolean): Cell[] => [
    overall ? u.overallRank : u.groupRank, u.unitName, ...(overall ? [u.groupName] : []),
    u.articlesSubmitted, u.central, u.provincial, u.municipal, u.district, u.instructions,
    u.commissionsDue ? `${u.commissionsDone}/${u.commissionsDue}` : '—', monthly(u), formatPoints(u.total, 2),
  ];
  const title = `${quarterName(quarter)}得分排名${revision > 1 ? `（第${revision}版）` : ''}`;
  const byOverall = [...units].sort((a, b) => a.overallRank - b.overallRank || a.unitCode.localeCompare(b.unitCode));
  addSheet(book, '总排名', title, columns(true), byOverall.map((u) => row(u, true)));
  const groups = [...new Map(byOverall.map((u) => [u.groupId, u.groupName])).entries()].sort(([a], [b]) => a - b);
  for (const [groupId, groupName] of groups) {
    const rows = units.filter((u) => u.groupId === groupId).sort((a, b) => a.groupRank - b.groupRank || a.unitCode.localeCompare(b.unitCode));
    addSheet(book, groupName, `${title}·${groupName}`, columns(false), rows.map((u) => row(u, false)));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export interface YearRow {
  rank: number;
  name: string;
  totalText: string;
  quarters: Record<string, string>;
}

/** The year view: each unit's published quarter totals and the year's sum, overall and per group. */
export async function writeYearSheet(year: number, quarters: string[], overall: YearRow[], groups: { groupName: string; rows: YearRow[] }[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const columns = [{ label: '排名', width: 7 }, { label: '单位', width: 24 }, ...quarters.map((q) => ({ label: quarterName(q).slice(5), width: 12 })), { label: '合计', width: 10 }];
  const row = (r: YearRow): Cell[] => [r.rank, r.name, ...quarters.map((q) => r.quarters[q] ?? '—'), r.totalText];
  const title = `${year}年度得分汇总（${quarters.length ? `已发布${quarters.length}个季度` : '尚无已发布季度'}）`;
  addSheet(book, '总排名', title, columns, overall.map(row));
  for (const g of groups) addSheet(book, g.groupName, `${title}·${g.groupName}`, columns, g.rows.map(row));
  return Buffer.from(await book.xlsx.writeBuffer());
}
