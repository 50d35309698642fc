// Issue #11 defect 5: an officer's oversized spreadsheet must not freeze the embedded server.
// A sheet far beyond the row limit is read as a stream and refused at the limit — with a
// clear report — while the server keeps answering other requests.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { bearer, createTestApp, type TestApp } from '../utils/app';
import { testBackends } from '../utils/backends';
import { ArticleImportService } from '../../apps/api/src/articles/import/article-import.service';

const HEADERS = ['编号', '报送单位', '稿件标题', '字数', '体裁', '作者', '报送日期', '媒体/刊物', '刊发日期', '版面', '位置', '链接'];
/** Five times the import limit (MAX_IMPORT_ROWS = 20,000). */
const ROWS = 100_000;

let bigFile: Promise<string> | undefined;

/** Written once per run with exceljs' streaming writer, so the test itself stays small. */
function bigSheet(): Promise<string> {
  bigFile ??= (async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pubscore-big-xlsx-')), '大表.xlsx');
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const sheet = book.addWorksheet('稿件录用');
    sheet.addRow(HEADERS).commit();
    for (let i = 1; i <= ROWS; i++) {
      sheet.addRow(['', '', `临江街道第${i}篇基层治理稿件`, 1200, '消息', '张磊', '2023-04-03', '人民日报', '2023-04-10', '第4版', '一般', `https://example.com/${i}`]).commit();
    }
    sheet.commit();
    await book.commit();
    return file;
  })();
  return bigFile;
}

afterAll(async () => {
  if (bigFile) fs.rmSync(path.dirname(await bigFile), { recursive: true, force: true });
});

describe.each(testBackends('article-import-limits'))('an oversized import sheet ($label)', (backend) => {
  let t: TestApp;
  let officer: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    officer = await t.login('officer');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is refused at the row limit with a clear report, while health keeps answering', async () => {
    const file = await bigSheet();
    const articlesBefore = (await t.http().get('/api/articles?pageSize=1').set(bearer(officer))).body.total as number;

    // Mark when the import job starts, has read the sheet and ends, to order the health answer against them.
    const service = t.app.get(ArticleImportService);
    const runImport = service.runImport.bind(service);
    const order: string[] = [];
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const spy = jest.spyOn(service, 'runImport').mockImplementation(async (payload, ctx) => {
      started();
      try {
        // The first progress report (15 %) comes once the sheet has been read.
        const progress = async (percent: number) => {
          if (!order.includes('sheet read')) order.push('sheet read');
          await ctx.progress(percent);
        };
        return await runImport(payload, { ...ctx, progress });
      } finally {
        order.push('import finished');
      }
    });

    try {
      const upload = await t.http().post('/api/articles/import').set(bearer(officer)).attach('file', file, '大表.xlsx');
      expect(upload.status).toBe(201);
      await running;
      const health = await t.http().get('/api/health');
      order.push('health answered');
      expect(health.status).toBe(200);

      const job = await t.waitForJob(officer, upload.body.id, 120_000);
      expect(order).toEqual(['health answered', 'sheet read', 'import finished']);
      expect(job.status).toBe('done');
      expect(job.result).toMatchObject({
        rows: 0, articlesCreated: 0, placementsCreated: 0,
        problems: [{ row: 0, column: '', level: 'error', code: 'too_many_rows', message: '表格超过 20000 行数据，一次最多导入 20000 行，请拆分为多个文件后导入' }],
      });
    } finally {
      spy.mockRestore();
    }
    expect((await t.http().get('/api/articles?pageSize=1').set(bearer(officer))).body.total).toBe(articlesBefore);
    // The first backend writes the 100,000-row workbook, then the job may take up to the 120 s
    // waitForJob allows: the default 60 s timed out on a loaded 2-core CI machine (twice).
  }, 240_000);
});
