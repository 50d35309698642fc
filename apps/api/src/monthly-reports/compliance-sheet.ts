import ExcelJS from 'exceljs';
import { MONTHLY_REPORT_STATUS_LABELS } from '@app/contracts';
import type { ComplianceReport } from './monthly-reports.service';

export const COMPLIANCE_COLUMNS = ['序号', '单位代码', '单位', '情况', '首次报送日期', '报送稿件', '录用篇次', '联系人', '联系电话', '情况说明'] as const;

/**
 * 月报情况 as .xlsx: a title row with the due date and the counts, the header, one row per
 * unit in the page's order, with the contact person the office calls about a missing report.
 */
export async function writeComplianceSheet(c: ComplianceReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('月报情况');
  const [year, month] = c.month.split('-');
  const s = c.summary;
  sheet.addRow([`${year}年${Number(month)}月月报报送情况（截止 ${c.dueDate}）：共 ${s.units} 个单位，按时 ${s.onTime}，逾期 ${s.late}，未报 ${s.missing}，待报 ${s.pending}`]);
  sheet.mergeCells(1, 1, 1, COMPLIANCE_COLUMNS.length);
  sheet.getRow(1).font = { bold: true, size: 13 };
  sheet.addRow([...COMPLIANCE_COLUMNS]).font = { bold: true };
  c.units.forEach((u, i) => {
    sheet.addRow([
      i + 1, u.unitCode, u.unitName, MONTHLY_REPORT_STATUS_LABELS[u.status], u.report?.filedDate ?? '', u.report?.articlesSubmitted ?? '', u.report?.placementsAdopted ?? '',
      u.contactName ?? '', u.contactPhone ?? '', u.report?.narrative ?? '',
    ]);
  });
  [6, 10, 26, 12, 14, 10, 10, 10, 16, 50].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
