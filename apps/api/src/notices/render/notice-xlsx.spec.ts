import ExcelJS from 'exceljs';
import type { NoticeAdoption, NoticeData } from '@app/notice';
import { renderNoticeXlsx, writeNoticeXlsx, type AdoptionChunks } from './notice-xlsx';
import { slowFile } from './testing/slow-file';
import { BULK_COUNTS, adoptionsInNoticeOrder, bulkNoticeFixture, correctionFixture, noticeFixture } from '@app/notice/testing/notice-fixtures';

const HEADER = ['排名', '单位', '报送数', '中央级', '省级', '市级', '区级', '批示', '约稿完成', '月报', '得分', '同比'];
const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** Every row of a sheet as plain values, empty cells as null. */
function rows(sheet: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  // columnCount walks every row: ask once
  const columns = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const values = sheet.getRow(r).values as unknown[];
    out.push(Array.from({ length: columns }, (_, i) => values[i + 1] ?? null));
  }
  return out;
}

describe('renderNoticeXlsx', () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await load(await renderNoticeXlsx(noticeFixture(), [adoptionsInNoticeOrder()]));
  });

  it('has a sheet per group, then 总排名, 录用情况一览 and 未核定记录 (附件3)', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['镇街组', '部门组', '总排名', '录用情况一览', '未核定记录']);
    const excluded = workbook.getWorksheet('未核定记录')!;
    expect(excluded.getRow(2).values).toEqual([undefined, '序号', '单位', '类别', '标题']);
    expect(excluded.getRow(3).values).toEqual([undefined, 1, '青石镇党委', '稿件', '青石镇开展“清廉村居”建设']);
  });

  it('writes each ranking sheet cell by cell, scores and changes as numbers', () => {
    // a merged title row spans the twelve columns, so it reads back in every one of them
    const title = (name: string) => Array(12).fill(`2023年第二季度信息宣传工作得分排名表（${name}）`);
    expect(rows(workbook.getWorksheet('镇街组')!)).toEqual([
      title('镇街组'),
      HEADER,
      [1, '临江街道', 12, 1, 1, 2, 1, 1, '1/1', '按时', 72.5, 0.213],
      [2, '枫林街道', 8, 0, 0, 1, 1, 0, '1/1', '按时', 48, '—'],
      [2, '青石镇', 9, 0, 1, 1, 1, 0, '0/1', '迟报1', 48, -0.04],
      [4, '白沙镇', 5, 0, 0, 0, 1, 0, '—', '按时', 31.25, 0],
      [5, '禾西镇', 3, 0, 0, 0, 0, 0, '—', '未报1', 0, -1],
    ]);
    expect(rows(workbook.getWorksheet('部门组')!)).toEqual([
      title('部门组'),
      HEADER,
      [1, '区人社局党委', 7, 0, 1, 0, 0, 1, '1/1', '按时', 61.5, 0.538],
      [2, '区教育局党委', 4, 0, 0, 0, 1, 0, '0/1', '按时', 20, -0.2],
      [3, '区文旅局党委', 2, 0, 0, 0, 0, 0, '—', '按时', 0, '—'],
    ]);
    expect(rows(workbook.getWorksheet('总排名')!)).toEqual([
      title('总排名'),
      HEADER,
      [1, '临江街道', 12, 1, 1, 2, 1, 1, '1/1', '按时', 72.5, 0.213],
      [2, '区人社局党委', 7, 0, 1, 0, 0, 1, '1/1', '按时', 61.5, 0.538],
      [3, '枫林街道', 8, 0, 0, 1, 1, 0, '1/1', '按时', 48, '—'],
      [3, '青石镇', 9, 0, 1, 1, 1, 0, '0/1', '迟报1', 48, -0.04],
      [5, '白沙镇', 5, 0, 0, 0, 1, 0, '—', '按时', 31.25, 0],
      [6, '区教育局党委', 4, 0, 0, 0, 1, 0, '0/1', '按时', 20, -0.2],
      [7, '禾西镇', 3, 0, 0, 0, 0, 0, '—', '未报1', 0, -1],
      [7, '区文旅局党委', 2, 0, 0, 0, 0, 0, '—', '按时', 0, '—'],
    ]);
  });

  it('formats scores with two decimals and changes as signed percentages, under a styled, frozen header', () => {
    const sheet = workbook.getWorksheet('镇街组')!;
    expect(sheet.getCell('K3').numFmt).toBe('0.00');
    expect(sheet.getCell('L3').numFmt).toBe('+0.0%;-0.0%;0.0%');
    expect(sheet.getCell('A1').isMerged && sheet.getCell('L1').isMerged).toBe(true);
    for (let c = 1; c <= 12; c++) {
      const cell = sheet.getRow(2).getCell(c);
      expect(cell.font?.bold).toBe(true);
      expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    }
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.getCell('B3').border?.top?.style).toBe('thin');
  });

  it('lists adoptions by level, outlet and date with real dates, then the legend', () => {
    const sheet = workbook.getWorksheet('录用情况一览')!;
    const legend = '注：★ 领导批示；▲ 约稿；◆ 头版头条。';
    expect(rows(sheet)).toEqual([
      Array(7).fill('2023年第二季度信息宣传录用情况一览表'),
      ['层级', '单位', '稿件标题', '媒体/刊物', '刊发日期', '版面', '备注'],
      ['中央级', '临江街道', '临江街道：小网格撬动基层大治理', '人民日报', d(2023, 5, 8), '第11版', null],
      ['省级', '青石镇', '青石镇党员“先锋指数”管理见实效', '《示例组工》', d(2023, 6, 12), null, '▲'],
      ['省级', '临江街道', '临江街道“夜间议事厅”议出民生实事', '示例日报', d(2023, 4, 20), '第3版', null],
      ['省级', '区人社局党委', '“三个一”机制激活人才引育新动能', '示例日报', d(2023, 5, 16), '第1版', '★◆'],
      ['市级', '临江街道', '临江街道“红色网格”打通服务群众最后一米', '《示例市组工信息》', d(2023, 5, 25), '第15期', '★'],
      ['市级', '临江街道、青石镇', '两地联建“共富工坊”带动村民增收', '示例市日报', d(2023, 4, 11), '第2版', null],
      ['市级', '枫林街道', '枫林街道推行“说事评事”议事规则', '示例市日报', d(2023, 6, 20), '第4版', '▲'],
      ['区级', '枫林街道', '枫林街道“红管家”服务小区治理', '《示例区组工信息》', d(2023, 4, 28), '第8期', '▲'],
      ['区级', '白沙镇', '白沙镇举办基层干部培训班', '《示例区组工信息》', d(2023, 6, 15), '第12期', null],
      ['区级', '临江街道', '临江街道开展“党员进网格”活动', '示例区融媒体中心', d(2023, 4, 3), null, null],
      ['区级', '青石镇', '青石镇召开农村党建工作推进会', '示例区融媒体中心', d(2023, 5, 9), null, null],
      ['区级', '区教育局党委', '区教育局开展“师德师风”主题党日', '示例区融媒体中心', d(2023, 6, 28), null, '◆'],
      Array(7).fill(legend),
    ]);
    expect(sheet.getCell('E3').numFmt).toBe('yyyy"年"m"月"d"日"');
  });

  it('a correction carries the corrected ranking only', async () => {
    const corrected = await load(await renderNoticeXlsx(correctionFixture(), []));
    expect(corrected.worksheets.map((s) => s.name)).toEqual(['镇街组', '部门组', '总排名']);
    expect(rows(corrected.getWorksheet('镇街组')!).slice(2)).toEqual([
      [1, '临江街道', 12, 1, 1, 2, 1, 1, '1/1', '按时', 72.5, 0.213],
      [2, '青石镇', 9, 0, 1, 2, 1, 0, '0/1', '迟报1', 50.5, 0.01],
      [3, '枫林街道', 8, 0, 0, 1, 1, 0, '1/1', '按时', 48, '—'],
      [4, '白沙镇', 5, 0, 0, 0, 1, 0, '—', '按时', 31.25, 0],
      [5, '禾西镇', 3, 0, 0, 0, 0, 0, '—', '未报1', 0, -1],
    ]);
    expect(rows(corrected.getWorksheet('镇街组')!)[0][0]).toBe('2023年第二季度信息宣传工作得分排名表（镇街组，更正后）');
  });

  it('prints the header row again on every page and filters from it', () => {
    const sheet = workbook.getWorksheet('录用情况一览')!;
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '2:2' });
    expect(sheet.autoFilter).toBe('A2:G2');
  });

  it('keeps sheet names legal and unique', async () => {
    const data = noticeFixture();
    data.groups = [
      { ...data.groups[0], groupName: '镇街/社区组[一]' },
      { ...data.groups[1], groupName: '总排名' },
    ];
    const named = await load(await renderNoticeXlsx(data, []));
    expect(named.worksheets.map((s) => s.name)).toEqual(['镇街_社区组_一_', '总排名', '总排名(2)', '录用情况一览', '未核定记录']);
  });
});

describe('renderNoticeXlsx with more adoptions than the DOCX lists', () => {
  const { data, full } = bulkNoticeFixture();
  let sheet: ExcelJS.Worksheet;
  let chunks: number;
  beforeAll(async () => {
    // the full list arrives as an async stream of uneven chunks, as the builder yields it
    chunks = 0;
    async function* stream() {
      for (let i = 0; i < full.length; i += 333) {
        chunks++;
        yield full.slice(i, i + 333);
      }
    }
    sheet = (await load(await renderNoticeXlsx(data, stream()))).getWorksheet('录用情况一览')!;
  });

  it('holds every adoption of every level, not only the levels data.adoptions lists', () => {
    const body = rows(sheet).slice(2, -1);
    expect(chunks).toBe(6);
    expect(body).toHaveLength(1760);
    const perLevel: Record<string, number> = {};
    for (const r of body) perLevel[String(r[0])] = (perLevel[String(r[0])] ?? 0) + 1;
    expect(perLevel).toEqual({ 中央级: BULK_COUNTS.central, 省级: BULK_COUNTS.provincial, 市级: BULK_COUNTS.municipal, 区级: BULK_COUNTS.district });
    expect(rows(sheet).slice(-1)[0][0]).toBe('注：★ 领导批示；▲ 约稿；◆ 头版头条。');
  });

  it('keeps the order it was given, row for row, with the cells of each adoption', () => {
    const body = rows(sheet).slice(2, -1);
    expect(body).toHaveLength(full.length);
    // titles are unique in the fixture: the sequence of titles is the sequence of rows
    expect(body.map((r) => r[2])).toEqual(full.map((a) => a.title));
    const at = (i: number) => body[i];
    // row 1 of the municipal level: full[160]
    expect(at(160)).toEqual(['市级', '临江街道', 'municipal-0000 基层党建工作经验', '《示例市组工信息》', d(2023, 4, 1), null, '★▲◆']);
    expect(at(1759)).toEqual(['区级', '区人社局党委', 'district-1199 基层党建工作经验', '示例区融媒体中心', d(2023, 6, 29), '第8版', null]);
    // within each outlet the dates never go back
    const backwards = body.filter((r, i) => i > 0 && r[3] === body[i - 1][3] && (r[4] as Date) < (body[i - 1][4] as Date));
    expect(backwards).toEqual([]);
  });
});

describe('writeNoticeXlsx streaming the adoption sheet', () => {
  const legend = '注：★ 领导批示；▲ 约稿；◆ 头版头条。';
  const adoption = (i: number, over: Partial<NoticeAdoption> = {}): NoticeAdoption => ({
    level: 'district',
    outletName: '示例区融媒体中心',
    publishedDate: `2023-0${4 + (i % 3)}-${String((i % 28) + 1).padStart(2, '0')}`,
    unitNames: [`单位${i}`],
    title: `稿件${i}`,
    page: i % 2 ? `第${i % 8}版` : null,
    headline: false,
    instruction: false,
    commission: i % 5 === 0,
    ...over,
  });

  async function written(data: NoticeData, adoptions: AdoptionChunks): Promise<Buffer> {
    const file = slowFile();
    await writeNoticeXlsx(file.sink, data, adoptions);
    return file.written();
  }

  it('writes 20,000 adoptions from 40 chunks row for row, then the legend merged across the sheet', async () => {
    const all = Array.from({ length: 20000 }, (_, i) => adoption(i));
    async function* stream() {
      for (let i = 0; i < all.length; i += 500) yield all.slice(i, i + 500);
    }
    const sheet = (await load(await written(noticeFixture(), stream()))).getWorksheet('录用情况一览')!;
    const body = rows(sheet).slice(2, -1);
    expect(body).toHaveLength(20000);
    expect(body.map((r) => r[2])).toEqual(all.map((a) => a.title));
    expect(body[19999]).toEqual(['区级', '单位19999', '稿件19999', '示例区融媒体中心', d(2023, 5, 8), '第7版', null]);
    expect(rows(sheet)[20002]).toEqual(Array(7).fill(legend));
    expect(sheet.getCell('A20003').isMerged && sheet.getCell('G20003').isMerged).toBe(true);
    expect(sheet.getCell('E20002').numFmt).toBe('yyyy"年"m"月"d"日"');
    expect(sheet.getCell('C20002').alignment?.horizontal).toBe('left');
    expect(sheet.getCell('F20002').border?.top?.style).toBe('thin');
  });

  it('escapes markup, drops characters a cell cannot hold, keeps empty texts and a date it cannot read as text', async () => {
    const odd = [
      adoption(1, { title: `A & B <C> "D" 'E'\u0001\u007f`, unitNames: [] }),
      adoption(2, { publishedDate: '2023-6月', title: '' }),
    ];
    const sheet = (await load(await written(noticeFixture(), [odd]))).getWorksheet('录用情况一览')!;
    // an empty text is an empty <v> (as exceljs writes it), which reads back as no value
    expect(rows(sheet).slice(2)).toEqual([
      ['区级', null, `A & B <C> "D" 'E'`, '示例区融媒体中心', d(2023, 5, 2), '第1版', null],
      ['区级', '单位2', null, '示例区融媒体中心', '2023-6月', null, null],
      Array(7).fill(legend),
    ]);
    expect(sheet.getCell('E4').numFmt).toBeUndefined();
    expect(sheet.getCell('E4').alignment?.horizontal).toBe('center');
  });

  it('without adoptions the sheet has its title, header and legend only', async () => {
    const sheet = (await load(await written(noticeFixture(), [[], []]))).getWorksheet('录用情况一览')!;
    expect(rows(sheet).slice(1)).toEqual([['层级', '单位', '稿件标题', '媒体/刊物', '刊发日期', '版面', '备注'], Array(7).fill(legend)]);
    expect(sheet.getCell('A3').isMerged && sheet.getCell('G3').isMerged).toBe(true);
  });
});
