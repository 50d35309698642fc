import type { CellValue } from 'exceljs';
import { articleAutoKey, placementKey, validateArticleRows, type ImportContext } from './article-row-validator';
import { ARTICLE_COLUMNS, type ArticleColumn } from './article-sheet-layout';
import type { SheetRow } from './article-sheet-reader';

const units = [
  { id: 1, code: 'LJJD', name: '临江街道党工委', active: true },
  { id: 2, code: 'QSZ', name: '青石镇党委', active: true },
  { id: 3, code: 'FLJD', name: '枫林街道党工委', active: true },
  { id: 4, code: 'OLD', name: '旧城街道党工委', active: false },
  { id: 5, code: 'LJSQ', name: '临江社区党委', active: true },
];
const outlets = [
  { id: 10, code: 'RMRB', name: '人民日报', aliases: ['人民日报社', '《人民日报》'], active: true },
  { id: 11, code: 'RMW', name: '人民网', aliases: [], active: true },
  { id: 12, code: 'GMRB', name: '光明日报', aliases: ['光明网'], active: true },
  { id: 13, code: 'CITY-RB', name: '示例市日报', aliases: ['市日报'], active: true },
  { id: 14, code: 'GONE', name: '停刊晚报', aliases: [], active: false },
];
const officer: ImportContext = { units, outlets, ownUnitId: 1, today: '2026-11-22', earlyMarginDays: 7 };
const office: ImportContext = { ...officer, ownUnitId: null };

let next = 2;
function row(cells: Partial<Record<ArticleColumn, CellValue>>): SheetRow {
  const all = Object.fromEntries(ARTICLE_COLUMNS.map((c) => [c, cells[c] ?? null])) as Record<ArticleColumn, CellValue>;
  return { row: next++, cells: all };
}
beforeEach(() => (next = 2));

describe('validateArticleRows', () => {
  it('groups rows of the same units and title (punctuation aside) into one article with several placements', async () => {
    const { articles, problems } = await validateArticleRows([
      row({ 稿件标题: '“红色管家”激活小区治理', 报送日期: '2023-04-03', 字数: 1800, '媒体/刊物': '人民日报', 刊发日期: '2023-04-10', 位置: '头条', 版面: '第4版' }),
      row({ 稿件标题: '「红色管家」激活小区治理', 报送单位: '临江街道', '媒体/刊物': '市日报', 刊发日期: 45040 }),
    ], officer);
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(1);
    const [a] = articles;
    expect(a).toMatchObject({ key: articleAutoKey('1', a.normalizedTitle), explicitKey: false, rows: [2, 3], ownerUnitId: 1, wordCount: 1800, submittedDate: '2023-04-03', units: [{ unitId: 1, shareBp: null }] });
    expect(a.placements).toEqual([
      { row: 2, key: placementKey(a.key, 10, '2023-04-10'), outletId: 10, outletName: '人民日报', publishedDate: '2023-04-10', page: '第4版', prominence: 'headline', url: null, form: 'full', views: null },
      { row: 3, key: placementKey(a.key, 13, '2023-04-24'), outletId: 13, outletName: '示例市日报', publishedDate: '2023-04-24', page: null, prominence: 'normal', url: null, form: 'full', views: null },
    ]);
  });

  it('keys are stable: the same rows give the same keys, other units or titles other keys', async () => {
    const once = (await validateArticleRows([row({ 稿件标题: '基层治理', '媒体/刊物': '人民网', 刊发日期: '2023-05-01' })], officer)).articles[0];
    next = 2;
    const twice = (await validateArticleRows([row({ 稿件标题: '基层 治理！', '媒体/刊物': '人民网', 刊发日期: '2023/5/1' })], officer)).articles[0];
    expect(twice.key).toBe(once.key);
    expect(twice.placements[0].key).toBe(once.placements[0].key);
    const joint = (await validateArticleRows([row({ 稿件标题: '基层治理', 报送单位: '临江街道党工委、青石镇党委' })], officer)).articles[0];
    expect(joint.key).not.toBe(once.key);
    expect(once.key).toMatch(/^auto:[0-9a-f]{40}$/);
  });

  it('takes 编号 as the key (folded to upper case and half width) and refuses a 编号 reused for another article', async () => {
    const { articles, problems } = await validateArticleRows([
      row({ 编号: 'lj－001', 稿件标题: '甲稿件' }),
      row({ 编号: 'LJ-001', 稿件标题: '乙稿件' }),
    ], officer);
    expect(articles.map((a) => [a.key, a.explicitKey, a.title])).toEqual([['LJ-001', true, '甲稿件']]);
    expect(problems).toEqual([{ row: 3, column: '稿件标题', level: 'error', message: '编号「LJ-001」在第 2 行是另一篇稿件（标题或报送单位不同）' }]);
  });

  it('reads joint units with shares, by name or code, and checks them like the form does', async () => {
    const { articles, problems } = await validateArticleRows([
      row({ 报送单位: '临江街道党工委60%、QSZ 40%', 稿件标题: '联合稿件一' }),
      row({ 报送单位: '临江街道党工委（33.33%），青石镇党委：33.33%；枫林街道党工委33.34%', 稿件标题: '联合稿件二' }),
      row({ 报送单位: '临江街道党工委60%、青石镇党委', 稿件标题: '半填份额' }),
      row({ 报送单位: '临江街道党工委、临江街道党工委', 稿件标题: '重复单位' }),
      row({ 报送单位: '临江街道党工委60.555%、青石镇党委39.445%', 稿件标题: '三位小数' }),
      row({ 报送单位: '临江街道党工委、旧城街道党工委', 稿件标题: '停用单位' }),
      row({ 报送单位: '临江街道党工委、临江', 稿件标题: '含糊的单位' }),
      row({ 报送单位: '临江街道党工委、街道党工委', 稿件标题: '不存在的单位' }),
    ], officer);
    expect(articles.map((a) => a.units)).toEqual([
      [{ unitId: 1, shareBp: 6000 }, { unitId: 2, shareBp: 4000 }],
      [{ unitId: 1, shareBp: 3333 }, { unitId: 2, shareBp: 3333 }, { unitId: 3, shareBp: 3334 }],
    ]);
    expect(problems.map((p) => [p.row, p.message])).toEqual([
      [4, '联合稿件的份额要么都写，要么都不写（平均分配）'],
      [5, '单位「临江街道党工委」重复出现'],
      [6, '「临江街道党工委60.555%」的份额最多两位小数'],
      [6, '「青石镇党委39.445%」的份额最多两位小数'],
      [7, '报送单位「旧城街道党工委」已停用'],
      [8, '报送单位「临江」同时对应 「临江街道党工委」、「临江社区党委」，请写全称'],
      // Equally close: listed in pinyin order (枫 fēng before 临 lín).
      [9, '未找到报送单位「街道党工委」，最接近的是：枫林街道党工委、临江街道党工委'],
    ]);
  });

  it('officers import for their own unit only; the office must name the units and owns nothing itself', async () => {
    const mine = await validateArticleRows([
      row({ 报送单位: '青石镇党委', 稿件标题: '别的单位' }),
      row({ 报送单位: '青石镇党委、临江街道党工委', 稿件标题: '联合且含本单位' }),
    ], officer);
    expect(mine.problems).toEqual([{ row: 2, column: '报送单位', level: 'error', message: '只能导入本单位（临江街道党工委）的稿件；联合稿件须把本单位列入报送单位' }]);
    expect(mine.articles[0]).toMatchObject({ title: '联合且含本单位', ownerUnitId: 1 });

    next = 2;
    const theirs = await validateArticleRows([row({ 稿件标题: '没写单位' }), row({ 报送单位: '青石镇党委、临江街道党工委', 稿件标题: '办公室代录' })], office);
    expect(theirs.problems.map((p) => [p.row, p.column, p.message])).toEqual([[2, '报送单位', '办公室导入时必须填写报送单位（单位代码或名称）']]);
    expect(theirs.articles[0]).toMatchObject({ ownerUnitId: 2 });
  });

  it('matches outlets by name, alias or code whatever the width, spaces and 书名号, and names the closest ones when unknown', async () => {
    const { articles, problems } = await validateArticleRows([
      row({ 稿件标题: '甲', '媒体/刊物': '《人民日报》', 刊发日期: '2023-04-10' }),
      row({ 稿件标题: '乙', '媒体/刊物': ' 光明网 ', 刊发日期: '2023-04-10' }),
      row({ 稿件标题: '丙', '媒体/刊物': 'city-rb', 刊发日期: '2023-04-10' }),
      row({ 稿件标题: '丁', '媒体/刊物': '人民日抱', 刊发日期: '2023-04-10' }),
      row({ 稿件标题: '戊', '媒体/刊物': '停刊晚报', 刊发日期: '2023-04-10' }),
      row({ 稿件标题: '己', '媒体/刊物': '火星周刊', 刊发日期: '2023-04-10' }),
    ], officer);
    expect(articles.map((a) => a.placements[0].outletId)).toEqual([10, 12, 13]);
    expect(problems.map((p) => p.message)).toEqual([
      // 人民日报 shares 2 of 3 bigrams (0.67), 人民网 1 (0.4); nothing else shares any.
      '未找到媒体/刊物「人民日抱」，最接近的是：人民日报、人民网',
      '媒体/刊物「停刊晚报」已停用',
      '未找到媒体/刊物「火星周刊」',
    ]);
  });

  it('checks every cell of a placement row and reports each bad one', async () => {
    const { articles, problems, invalidRows } = await validateArticleRows([
      row({ 稿件标题: '', '媒体/刊物': '人民日报', 刊发日期: '2999-01-01', 位置: '中间', 链接: 'www.example.com', 字数: '很多' }),
      row({ 稿件标题: '没有媒体', 刊发日期: '2023-04-10', 版面: '第1版' }),
      row({ 稿件标题: '没有刊发日期', '媒体/刊物': '人民日报' }),
      row({ 稿件标题: '未来的报送', 报送日期: '2027-01-01' }),
      row({ 稿件标题: 'x'.repeat(201) }),
    ], officer);
    expect(articles).toEqual([]);
    expect([...invalidRows]).toEqual([2, 3, 4, 5, 6]);
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, '稿件标题'], [2, '字数'], [2, '刊发日期'], [2, '位置'], [2, '链接'],
      [3, '媒体/刊物'],
      [4, '刊发日期'],
      [5, '报送日期'],
      [6, '稿件标题'],
    ]);
    expect(problems[2].message).toBe('刊发日期 2999-01-01 晚于今天（2026-11-22）');
    expect(problems[5].message).toBe('填写了刊发日期、版面，但没有填写媒体/刊物');
  });

  it('defaults the submission date to the earliest publication, and warns of a placement well before submission', async () => {
    const { articles, problems } = await validateArticleRows([
      row({ 稿件标题: '无报送日期', '媒体/刊物': '人民网', 刊发日期: '2023-04-12' }),
      row({ 稿件标题: '无报送日期', '媒体/刊物': '人民日报', 刊发日期: '2023-04-10' }),
      row({ 稿件标题: '早刊发', 报送日期: '2023-04-20', '媒体/刊物': '人民日报', 刊发日期: '2023-04-13' }),
      row({ 稿件标题: '早刊发', '媒体/刊物': '人民网', 刊发日期: '2023-04-12' }),
      row({ 稿件标题: '只有稿件' }),
    ], officer);
    expect(articles.map((a) => a.submittedDate)).toEqual(['2023-04-10', '2023-04-20', '2026-11-22']);
    // 2023-04-13 is exactly 7 days before: allowed; 04-12 is 8 days before.
    expect(problems).toEqual([{ row: 5, column: '刊发日期', level: 'warning', message: '刊发日期 2023-04-12 比稿件报送日期 2023-04-20 早 7 天以上，请核实（已导入）' }]);
  });

  it('an officer\'s import (today only) dates an article without 报送日期 today, not by its first publication', async () => {
    const { articles, problems } = await validateArticleRows([
      row({ 稿件标题: '无报送日期', '媒体/刊物': '人民网', 刊发日期: '2026-11-20' }),
      row({ 稿件标题: '写了报送日期', 报送日期: '2026-11-21' }),
    ], { ...officer, todayOnly: true });
    // The earlier date is the plan's to refuse (planImport): an article already recorded under it back-dates nothing.
    expect(articles.map((a) => a.submittedDate)).toEqual(['2026-11-22', '2026-11-21']);
    expect(problems).toEqual([]);
  });

  it('refuses the same placement twice in one sheet and warns when rows of one article disagree', async () => {
    const { articles, problems } = await validateArticleRows([
      row({ 稿件标题: '同一稿件', 字数: 1000, '媒体/刊物': '人民日报', 刊发日期: '2023-04-10' }),
      row({ 稿件标题: '同一稿件', 字数: 1200, '媒体/刊物': '《人民日报》', 刊发日期: '2023年4月10日' }),
      row({ 稿件标题: '同一稿件', 字数: 1200, '媒体/刊物': '人民网', 刊发日期: '2023-04-11' }),
    ], officer);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ wordCount: 1000, rows: [2, 4] });
    expect(problems).toEqual([
      { row: 3, column: '刊发日期', level: 'error', message: '与第 2 行重复：同一稿件同一天在同一媒体只能录用一次' },
      { row: 4, column: '字数', level: 'warning', message: '与第 2 行（同一稿件）的字数不一致，按先出现的一行导入' },
    ]);
  });
  it('orders the units of a joint article by 署名顺序 (one position per unit written), else as written', async () => {
    const { articles, problems } = await validateArticleRows([
      row({ 报送单位: '青石镇党委60%、临江街道党工委40%、枫林街道党工委', 稿件标题: '份额不全' }),
      row({ 报送单位: '青石镇党委、临江街道党工委、枫林街道党工委', 署名顺序: '3、1、2', 稿件标题: '三家联合' }),
      row({ 报送单位: '青石镇党委、临江街道党工委', 署名顺序: ' 1，2 ', 稿件标题: '按书写顺序' }),
      row({ 报送单位: '青石镇党委、临江街道党工委', 稿件标题: '不填署名顺序' }),
      row({ 报送单位: '枫林街道党工委', 署名顺序: 1, 稿件标题: '单独一家' }),
    ], office);
    expect(problems.map((p) => [p.row, p.column])).toEqual([[2, '报送单位']]);
    expect(articles.map((a) => [a.title, a.units.map((u) => u.unitId), a.ownerUnitId])).toEqual([
      ['三家联合', [1, 3, 2], 1],
      ['按书写顺序', [2, 1], 2],
      ['不填署名顺序', [2, 1], 2],
      ['单独一家', [3], 3],
    ]);
  });

  it.each([
    ['not numbers', '青石镇党委、临江街道党工委', '第一、第二', '署名顺序「第一、第二」应为用「、」分隔的正整数，如 2、1'],
    ['a decimal', '青石镇党委、临江街道党工委', '1.5、2', '署名顺序「1.5、2」应为用「、」分隔的正整数，如 2、1'],
    ['fewer positions than units', '青石镇党委、临江街道党工委、枫林街道党工委', '2、1', '署名顺序写了 2 个位次，报送单位有 3 个单位，应逐一对应'],
    ['more positions than units', '青石镇党委', '1、2', '署名顺序写了 2 个位次，报送单位有 1 个单位，应逐一对应'],
    ['a duplicate', '青石镇党委、临江街道党工委、枫林街道党工委', '1、1、2', '署名顺序应为 1 到 3 各一次（1 重复，缺少 3）'],
    ['a gap', '青石镇党委、临江街道党工委', '1、3', '署名顺序应为 1 到 2 各一次（缺少 2，3 超出范围）'],
    ['zero', '青石镇党委、临江街道党工委', '0、1', '署名顺序应为 1 到 2 各一次（缺少 2，0 超出范围）'],
  ])('refuses a 署名顺序 with %s, by row and column, and imports nothing of the row', async (_label, unitText, order, message) => {
    const { articles, problems, invalidRows } = await validateArticleRows([
      row({ 报送单位: '临江街道党工委', 稿件标题: '好的一行' }),
      row({ 报送单位: unitText, 署名顺序: order, 稿件标题: '署名顺序有误' }),
    ], office);
    expect(problems).toEqual([{ row: 3, column: '署名顺序', level: 'error', message }]);
    expect([...invalidRows]).toEqual([3]);
    expect(articles.map((a) => a.title)).toEqual(['好的一行']);
  });

  it('checks an officer\'s own unit left blank against 署名顺序 too, and warns when rows of one article sign in another order', async () => {
    const own = await validateArticleRows([row({ 署名顺序: '2', 稿件标题: '本单位' })], officer);
    expect(own.problems.map((p) => [p.row, p.column, p.message])).toEqual([[2, '署名顺序', '署名顺序应为 1 到 1 各一次（缺少 1，2 超出范围）']]);
    next = 2;
    const twice = await validateArticleRows([
      row({ 编号: 'J-1', 报送单位: '青石镇党委、临江街道党工委', 署名顺序: '1、2', 稿件标题: '联合', '媒体/刊物': '人民日报', 刊发日期: '2023-04-10' }),
      row({ 编号: 'J-1', 报送单位: '青石镇党委、临江街道党工委', 署名顺序: '2、1', 稿件标题: '联合', '媒体/刊物': '人民网', 刊发日期: '2023-04-11' }),
    ], officer);
    expect(twice.problems.map((p) => [p.row, p.column, p.level])).toEqual([[3, '署名顺序', 'warning']]);
    expect(twice.articles[0].units.map((u) => u.unitId)).toEqual([2, 1]);
  });
});
