import ExcelJS from 'exceljs';
import { quarterLabel, type StatementResponse } from '@app/contracts';

/** 条款 last: a sheet read by column position before it was added keeps its columns. */
export const STATEMENT_COLUMNS = ['序号', '日期', '记录类型', '记录', '规则', '得分', '累计得分', '计分说明', '条款'] as const;

/**
 * 得分明细 as .xlsx: a title row, the header, one row per line (事项 and 加减分 with their kind
 * and title or reason, each with its clause) and a 合计 row. Amounts are
 * written from their exact 4-place decimal text and shown with 2 places, like the page.
 */
export async function writeStatementSheet(s: StatementResponse): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('得分明细');
  sheet.addRow([`${s.unit.name}（${s.unit.code}）${quarterLabel(s.quarter)}得分明细 —— ${s.schemeVersion.name}（第 ${s.schemeVersion.versionNo} 版）`]);
  sheet.mergeCells(1, 1, 1, STATEMENT_COLUMNS.length);
  sheet.getRow(1).font = { bold: true, size: 13 };
  const header = sheet.addRow([...STATEMENT_COLUMNS]);
  header.font = { bold: true };
  s.lines.forEach((l, i) => {
    sheet.addRow([i + 1, l.date, l.recordTypeLabel, l.recordLabel, l.ruleLabel, Number(l.amountExact), Number(l.runningTotalExact), l.explanation, l.clause ?? '']);
  });
  const total = sheet.addRow(['合计', '', '', '', '', Number(s.totalExact), '', `共 ${s.lines.length} 条`]);
  total.font = { bold: true };
  for (const col of [6, 7]) sheet.getColumn(col).numFmt = '0.00';
  const widths = [6, 12, 12, 36, 12, 10, 10, 80, 18];
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
