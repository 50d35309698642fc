import type ExcelJS from 'exceljs';
import type { ItemKind } from '@app/contracts';
import { HISTORY_SHEETS } from './history-import.service';

const HELP_SHEET = '历史数据说明';

const GENERAL = [
  '本工作簿除「稿件录用」外，还可以填写「月度报送」「约稿」「约稿回复」「批示」「事项」五张表，用于办公室一次补录以前年度（如上一整年）的记录；不需要的表可以删除或留空。',
  '五张表只有办公室可以导入，与「稿件录用」一起上传、一起检查：「约稿回复」「批示」「事项」可以引用同一文件「稿件录用」表中的稿件编号，因此补录的稿件须填写编号。',
  '导入的记录标记为「办公室补录」并记入审计日志；报送时间、回复时间按办公室实际收到的时间填写，不能晚于现在。',
  '每张表逐行检查，检查结果按「工作表 + 行号 + 列」列出；有错误的行不导入，其余行照常导入。',
  '每行按稳定的识别键判断是否已导入（月度报送：单位 + 月份；约稿：约稿编号；约稿回复：约稿编号 + 单位；批示：稿件编号 + 领导 + 日期；事项：单位 + 类型 + 标题 + 日期），重复导入同一文件不会重复录入，也不会修改已有记录。',
  '补录了记录的已结束季度标记为「补录」季度：在季度页面和通报标题中注明。',
  '每张表的第二行是示例（第一列以「示例」开头），不会导入，可删除。',
];

/**
 * Adds the history sheets to the import template, each with its header, an example row and
 * a line per column in 历史数据说明; the 事项 kinds of the office's current scheme are listed there.
 */
export function addHistorySheets(workbook: ExcelJS.Workbook, kinds: ItemKind[]) {
  for (const spec of HISTORY_SHEETS) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.columns.map((header) => ({ header, width: spec.widths[header] }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };
    sheet.addRow(spec.example.map((v) => (v === '' ? null : v))).font = { italic: true, color: { argb: 'FF808080' } };
  }
  const help = workbook.addWorksheet(HELP_SHEET);
  help.columns = [{ width: 14 }, { width: 16 }, { width: 100 }];
  help.addRow(['历史数据补录说明']).font = { bold: true, size: 14 };
  GENERAL.forEach((line, i) => help.addRow([`${i + 1}.`, line]));
  for (const spec of HISTORY_SHEETS) {
    help.addRow([]);
    help.addRow([`「${spec.name}」表`]).font = { bold: true };
    help.addRow(['列名', '是否必填', '说明']).font = { bold: true };
    for (const [column, required, text] of spec.help) help.addRow([column, required, text]);
  }
  help.addRow([]);
  help.addRow(['事项类型', '（当前计分办法）']).font = { bold: true };
  if (kinds.length === 0) help.addRow(['', '', '当前计分办法没有事项目录；以前季度的事项按当时施行的计分办法检查。']);
  for (const k of kinds) help.addRow([k.kind, k.perLevel ? '按级别计分' : '固定分值', `${k.name}${k.recordedBy === 'office' ? '（办公室登记）' : ''}`]);
  help.eachRow((row) => (row.alignment = { wrapText: true, vertical: 'top' }));
}
