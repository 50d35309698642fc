import { LEVEL_LABELS, LEVELS, PLACEMENT_FORM_LABELS, PLACEMENT_FORMS, PROMINENCE_LABELS, PROMINENCES } from '@app/contracts';

/**
 * The articles sheet: one row = one placement; rows with the same units and title (or the
 * same 编号) form one article with several placements; a row without an outlet is an article
 * without placement. The template, the export and the import all use this order.
 */
export const ARTICLE_COLUMNS = ['编号', '报送单位', '稿件标题', '字数', '体裁', '作者', '报送日期', '媒体/刊物', '刊发日期', '版面', '位置', '链接', '采用形式', '阅读量', '署名顺序'] as const;
export type ArticleColumn = (typeof ARTICLE_COLUMNS)[number];

/**
 * Columns added after the first template: a sheet made from an older template ends before
 * them, and still imports (the values take their defaults).
 */
export const LATER_COLUMNS: ReadonlySet<ArticleColumn> = new Set<ArticleColumn>(['采用形式', '阅读量', '署名顺序']);

export const DATA_SHEET_NAME = '稿件录用';
export const HELP_SHEET_NAME = '说明';

/** Rows whose 编号 starts with this are the template's example and are never imported. */
export const EXAMPLE_KEY_PREFIX = '示例';

/** Keys the import derives itself (no 编号 in the row) start with this; exports leave them out. */
export const AUTO_KEY_PREFIX = 'auto:';

/** Above this many rows a sheet is refused as a whole: one import is one transaction. */
export const MAX_IMPORT_ROWS = 20_000;

export const COLUMN_WIDTHS: Record<ArticleColumn, number> = {
  编号: 14, 报送单位: 30, 稿件标题: 44, 字数: 8, 体裁: 10, 作者: 14, 报送日期: 12, '媒体/刊物': 24, 刊发日期: 12, 版面: 10, 位置: 8, 链接: 36, 采用形式: 10, 阅读量: 10, 署名顺序: 12,
};

export type ProblemLevel = 'error' | 'warning';

/** One line of the import report: Excel row number (0 = the file as a whole), column header, Chinese message. */
export interface ImportProblem {
  row: number;
  column: string;
  message: string;
  level: ProblemLevel;
  /** The worksheet, for the history sheets (月度报送, 约稿…); absent for 稿件录用. */
  sheet?: string;
  /** A stable code for clients: too_many_rows and sheet_too_large (the file as a whole), backdated_submission (a row). */
  code?: string;
}

export const LEVEL_WORDS: Record<ProblemLevel, string> = { error: '错误', warning: '警告' };

const prominences = PROMINENCES.map((p) => PROMINENCE_LABELS[p]).join('/');
const forms = PLACEMENT_FORMS.map((f) => PLACEMENT_FORM_LABELS[f]).join('/');
const levels = LEVELS.map((l) => LEVEL_LABELS[l]).join('、');

/** What the 说明 sheet says about each column (column, required?, explanation). */
export const COLUMN_HELP: [ArticleColumn, string, string][] = [
  ['编号', '选填', '本单位自己的稿件编号（最长 100 字，不区分大小写和全角半角），用于识别同一篇稿件；同一编号的多行是同一篇稿件的多次录用。不填时按「报送单位 + 稿件标题」识别。以「示例」开头的行不会导入。'],
  ['报送单位', '信息员选填，办公室必填', '单位代码或名称；联合稿件用「、」分隔，可在单位后写份额，如：临江街道党工委60%、青石镇党委40%（份额要么都写、要么都不写，合计必须为 100%；不写则平均分配）。不填「署名顺序」时，书写顺序即署名顺序（第一个为第一署名单位）。信息员留空即为本单位，联合稿件必须包含本单位。'],
  ['稿件标题', '必填', '最长 200 字。'],
  ['字数', '选填', '整数，如 1800。'],
  ['体裁', '选填', '如 消息、通讯、经验交流、言论、图片，最长 30 字。'],
  ['作者', '选填', '多位作者用「、」分隔，最长 200 字。'],
  ['报送日期', '选填', '稿件报送日期，不能晚于今天。信息员只能导入当天报送的稿件（留空即当天），以前报送的请联系办公室代为登记；办公室导入时留空取该稿件最早的刊发日期，没有刊发记录时取导入当天。'],
  ['媒体/刊物', '有录用时必填', `按媒体/刊物目录中的名称或别名匹配（不区分全角半角、空格和书名号）；层级由目录决定（${levels}）。不填表示只录入稿件、暂无录用。`],
  ['刊发日期', '有录用时必填', '不能晚于今天；比报送日期早过规定天数时给出警告（仍会导入）。同一稿件同一天在同一媒体只能录用一次。'],
  ['版面', '选填', '版面或栏目，如 第4版、要闻，最长 50 字。'],
  ['位置', '选填', `${prominences}，不填为「一般」。`],
  ['链接', '选填', '网络刊发的网址，以 http:// 或 https:// 开头。'],
  ['采用形式', '选填', `${forms}，不填为「全文」。多个单位的信息合并成一篇刊发的为「综合」。`],
  ['阅读量', '选填', '网络刊发的阅读量（浏览量），非负整数，如 120000。'],
  ['署名顺序', '选填', '联合稿件各单位的署名位次，按「报送单位」中单位的书写顺序逐一填写，用「、」分隔，须为 1 到单位数各一次，如 报送单位「青石镇党委、临江街道党工委」、署名顺序「2、1」表示临江街道党工委为第一署名单位。不填则按报送单位的书写顺序。导出时单位已按署名顺序排列。'],
];

export const GENERAL_HELP = [
  '一行是一次录用（稿件 × 媒体/刊物 × 刊发日期）；同一篇稿件有多次录用时写多行，稿件信息（报送单位、标题）保持一致。',
  '日期可以是 Excel 日期单元格，也可以写成文本：2023-04-10、2023/4/10、2023.4.10、2023年4月10日。',
  '不要合并单元格，不要改动第一行表头；空行会被跳过。',
  '导入会逐行检查：有错误的行不导入，其余行照常导入；检查结果可下载为表格。重复导入同一文件不会重复录入。',
  '导入不会修改已有的稿件和录用记录，只补充尚未录入的内容。',
];

/** Report order: by row (file-level first), then by column as laid out in the sheet. */
export function compareProblems(a: ImportProblem, b: ImportProblem): number {
  const col = (p: ImportProblem) => ARTICLE_COLUMNS.indexOf(p.column as ArticleColumn);
  return a.row - b.row || col(a) - col(b);
}
