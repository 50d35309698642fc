import ExcelJS from 'exceljs';
import { OUTLET_COLUMNS, OUTLET_SHEET_LIMITS, readOutletSheet } from './outlet-sheet';

async function book(rows: unknown[][], merges: string[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('媒体刊物');
  rows.forEach((r) => sheet.addRow(r));
  merges.forEach((m) => sheet.mergeCells(m));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const outlets = (n: number) => Array.from({ length: n }, (_, i) => [`T${i + 1}`, `测试报${i + 1}`, '', '区级', '宣传', '报纸']);

describe('readOutletSheet', () => {
  it('reads the rows, skipping empty ones', async () => {
    const sheet = await readOutletSheet(await book([[...OUTLET_COLUMNS], ['rmrb', '人民日报', '人民日报社、《人民日报》', '中央级', '宣传', '报纸'], [], ['X', '', '', '区级', '宣传', '报纸']]));
    expect(sheet.rows).toEqual([{ row: 2, code: 'RMRB', name: '人民日报', aliases: ['人民日报社', '《人民日报》'], level: 'central', channel: 'media', medium: 'newspaper' }]);
    expect(sheet.problems).toEqual([{ row: 4, column: '名称', message: '名称必填，最长 100 个字符' }]);
  });

  it('refuses a sheet beyond the row limit as a whole, saying how to fix it', async () => {
    const content = await book([[...OUTLET_COLUMNS], ...outlets(6)]);
    expect((await readOutletSheet(content, { ...OUTLET_SHEET_LIMITS, rows: 6 })).rows).toHaveLength(6);
    expect(await readOutletSheet(content, { ...OUTLET_SHEET_LIMITS, rows: 5 })).toEqual({
      rows: [],
      problems: [{ row: 0, column: '', code: 'too_many_rows', message: '表格超过 5 行数据，一次最多导入 5 行，请拆分为多个文件后导入' }],
    });
  });

  it('refuses a part that inflates past its cap (a zip bomb) and a file that is not a spreadsheet', async () => {
    const bomb = await book([[...OUTLET_COLUMNS], ['X', '报'.repeat(1_000_000), '', '区级', '宣传', '报纸']]);
    expect(await readOutletSheet(bomb, { ...OUTLET_SHEET_LIMITS, sharedStringsBytes: 1_000_000 })).toEqual({
      rows: [],
      problems: [{ row: 0, column: '', code: 'sheet_too_large', message: expect.stringContaining('表格内容过多') }],
    });
    expect(await readOutletSheet(Buffer.from('not a workbook'))).toEqual({ rows: [], problems: [{ row: 0, column: '', message: '文件不是有效的 Excel（.xlsx）表格' }] });
  });

  it('leaves the rows under a merged range out and says why', async () => {
    const sheet = await readOutletSheet(await book([[...OUTLET_COLUMNS], ...outlets(3)], ['D2:D3']));
    expect(sheet.rows.map((r) => r.row)).toEqual([4]);
    expect(sheet.problems).toEqual([{ row: 2, column: '层级', message: expect.stringContaining('D2:D3 是合并单元格（第 2–3 行）') }]);
  });

  it('names the column of a wrong header', async () => {
    const sheet = await readOutletSheet(await book([['代码', '名字', '别名', '层级', '类型', '载体'], ['X', '某报', '', '区级', '宣传', '报纸']]));
    expect(sheet).toEqual({ rows: [], problems: [{ row: 1, column: '名称', message: expect.stringContaining('名字') }] });
  });
});
