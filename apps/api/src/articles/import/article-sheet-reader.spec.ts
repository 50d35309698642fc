import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ARTICLE_COLUMNS } from './article-sheet-layout';
import { NOT_A_SPREADSHEET, SHEET_LIMITS, readArticleSheet } from './article-sheet-reader';

async function book(rows: unknown[][], merges: string[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('稿件录用');
  rows.forEach((r) => sheet.addRow(r));
  merges.forEach((m) => sheet.mergeCells(m));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('readArticleSheet', () => {
  it('reads data rows by header, skipping empty rows and the template example', async () => {
    const content = await book([
      [...ARTICLE_COLUMNS],
      ['示例（此行不会导入，可删除）', '临江街道党工委', '示例标题'],
      [],
      ['', '', '第一篇'],
      ['  ', null, '', null],
      ['K-2', '', '第二篇', 900],
    ]);
    const sheet = await readArticleSheet(content);
    expect(sheet.problems).toEqual([]);
    expect(sheet.rows.map((r) => [r.row, r.cells['稿件标题'], r.cells['字数']])).toEqual([[4, '第一篇', null], [6, '第二篇', 900]]);
  });

  it('refuses a sheet whose header row is not the template’s, naming the expected row', async () => {
    const headers: string[] = [...ARTICLE_COLUMNS];
    headers[6] = '报送时间';
    const sheet = await readArticleSheet(await book([headers, ['', '', '稿件']]));
    expect(sheet.rows).toEqual([]);
    expect(sheet.problems).toEqual([{
      row: 1, column: '报送日期', level: 'error',
      message: `表头不正确：第一行应依次为「${ARTICLE_COLUMNS.join('、')}」，第 7 列（G 列）应为「报送日期」，实际为「报送时间」。请使用下载的模板`,
    }]);
  });

  it('reports each merged range once and leaves the rows under it out', async () => {
    const content = await book([[...ARTICLE_COLUMNS], ['', '', '甲'], ['', '', null], ['', '', '乙'], ['', '', '丙', null, null, null, null, '人民日报', '2023-04-10', '第1版']], ['C2:C3', 'I5:J5']);
    const sheet = await readArticleSheet(content);
    expect(sheet.rows.map((r) => r.row)).toEqual([4]);
    expect([...sheet.mergedRows]).toEqual([2, 3, 5]);
    expect(sheet.problems.map((p) => [p.row, p.column])).toEqual([[2, '稿件标题'], [5, '刊发日期']]);
  });

  it('answers a file that is not a spreadsheet with one problem', async () => {
    for (const content of [Buffer.from('not a workbook'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])]) {
      const sheet = await readArticleSheet(content);
      expect(sheet).toMatchObject({ rows: [], problems: [{ row: 0, column: '', level: 'error', message: NOT_A_SPREADSHEET }] });
    }
  });

  const data = (n: number) => Array.from({ length: n }, (_, i) => ['', '', `第${i + 1}篇`]);

  it('stops at the row limit and refuses the file as a whole', async () => {
    const content = await book([[...ARTICLE_COLUMNS], ...data(5)]);
    expect((await readArticleSheet(content, { ...SHEET_LIMITS, rows: 5 })).rows).toHaveLength(5);
    expect(await readArticleSheet(content, { ...SHEET_LIMITS, rows: 4 })).toMatchObject({
      rows: [],
      problems: [{ row: 0, column: '', level: 'error', code: 'too_many_rows', message: '表格超过 4 行数据，一次最多导入 4 行，请拆分为多个文件后导入' }],
    });
  });

  it('never reads the sheet past the row limit (what lies beyond is not even parsed)', async () => {
    // 3,000 data rows whose last one is replaced by broken XML, far beyond the first chunks of
    // the inflated sheet. A reader that parses the whole sheet before counting (the old one)
    // reports a damaged file; a streaming reader stops at the limit (4 rows) long before it.
    const zip = await JSZip.loadAsync(await book([[...ARTICLE_COLUMNS], ...data(3000)]));
    const sheetPath = Object.keys(zip.files).find((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))!;
    const xml = await zip.file(sheetPath)!.async('string');
    const cut = xml.indexOf('<row r="3001"');
    expect(cut).toBeGreaterThan(100_000);
    zip.file(sheetPath, `${xml.slice(0, cut)}<row r="3001"><c r="A3001" t="s"><v>0</v></c><<< not xml`);
    const damaged = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(await readArticleSheet(damaged, { ...SHEET_LIMITS, rows: 4 })).toMatchObject({ rows: [], problems: [{ code: 'too_many_rows' }] });
    // …and the damage is real: read in full, the same file is refused as not a spreadsheet.
    expect(await readArticleSheet(damaged)).toMatchObject(notASpreadsheet);
  });

  it('refuses a part that inflates past its cap, whatever it compresses to (a zip bomb)', async () => {
    // One cell of 2 MB of the same character: a few kB in the file.
    const content = await book([[...ARTICLE_COLUMNS], ['', '', 'a'.repeat(2_000_000)]]);
    expect(content.length).toBeLessThan(50_000);
    const refused = { rows: [], problems: [{ row: 0, level: 'error', code: 'sheet_too_large', message: expect.stringContaining('表格内容过多') }] };
    expect(await readArticleSheet(content, { ...SHEET_LIMITS, sharedStringsBytes: 1_000_000 })).toMatchObject(refused);
    expect(await readArticleSheet(content)).toMatchObject({ problems: [], rows: [{ row: 2 }] });
    expect(await readArticleSheet(await book([[...ARTICLE_COLUMNS], ...data(2000)]), { ...SHEET_LIMITS, sheetBytes: 10_000 })).toMatchObject(refused);
    expect(await readArticleSheet(await book([[...ARTICLE_COLUMNS], ...data(20)]), { ...SHEET_LIMITS, sharedStrings: 10 })).toMatchObject(refused);
  });

  /** Rewrites one field of `part`'s central directory record (the zip's table of contents). */
  function forged(content: Buffer, part: string, write: (record: Buffer) => void): Buffer {
    const copy = Buffer.from(content);
    const at = copy.lastIndexOf(Buffer.from(part)) - 46;
    expect(copy.readUInt32LE(at)).toBe(0x02014b50);
    write(copy.subarray(at));
    return copy;
  }
  const notASpreadsheet = { rows: [], problems: [{ row: 0, column: '', level: 'error', message: NOT_A_SPREADSHEET }] };

  it('refuses an archive with an encrypted or zip64-sized part as not a spreadsheet', async () => {
    const content = await book([[...ARTICLE_COLUMNS], ['', '', '甲']]);
    expect(await readArticleSheet(forged(content, 'xl/styles.xml', (r) => r.writeUInt16LE(r.readUInt16LE(8) | 1, 8)))).toMatchObject(notASpreadsheet);
    expect(await readArticleSheet(forged(content, 'xl/styles.xml', (r) => r.writeUInt32LE(0xffffffff, 20)))).toMatchObject(notASpreadsheet);
  });

  it('does not trust the sizes the archive declares', async () => {
    const content = await book([[...ARTICLE_COLUMNS], ['', '', 'a'.repeat(2_000_000)]]);
    // Says it holds 100 bytes, inflates to 2 MB: refused, not read on.
    expect(await readArticleSheet(forged(content, 'xl/sharedStrings.xml', (r) => r.writeUInt32LE(100, 24)))).toMatchObject({ rows: [], problems: [{ row: 0, level: 'error' }] });
    // Says it holds more than the cap: refused before anything is inflated.
    expect(await readArticleSheet(forged(content, 'xl/sharedStrings.xml', (r) => r.writeUInt32LE(0x7fffffff, 24)))).toMatchObject({ rows: [], problems: [{ code: 'sheet_too_large' }] });
  });

  it('gives a linked cell its target, as a loaded workbook does', async () => {
    const row: unknown[] = ['', '', '带链接的稿件'];
    row[11] = { text: '原文', hyperlink: 'https://example.com/a?x=1&y=2' };
    const sheet = await readArticleSheet(await book([[...ARTICLE_COLUMNS], row]));
    expect(sheet.rows[0].cells['链接']).toEqual({ text: '原文', hyperlink: 'https://example.com/a?x=1&y=2' });
  });
});
