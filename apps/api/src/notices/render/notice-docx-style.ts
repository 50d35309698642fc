import { AlignmentType, LineRuleType, type IStylesOptions } from 'docx';

/**
 * GB/T 9704 figures for the notice: A4, margins 37/35/28/26 mm, 三号 body on a fixed 28.95 pt
 * line (22 lines a page), 二号 title. Sizes are half-points, lengths twips (1/20 pt).
 */

export const mm = (value: number): number => Math.round((value * 1440) / 25.4);

export const PAGE = {
  width: 11906,
  height: 16838,
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
  // 页码 sits 7 mm under the 版心; the footer distance is measured to the footer's lower edge
  footer: mm(35 - 7) - 280,
  header: mm(15),
} as const;

/** Width of the 版心 (156 mm), which tables and rules span. */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/** Chinese font names with Times New Roman for digits and Latin letters, as official templates do. */
export const font = (eastAsia: string) => ({ ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin, eastAsia });

export const SIZE = { erHao: 44, sanHao: 32, siHao: 28, xiaoSi: 24, wuHao: 21, xiaoWu: 18 } as const;

/** 28.95 pt, so 22 lines fill the 225 mm 版心 height. */
export const LINE = 579;
/** One character of 三号 text: first-line indents and 右空二字 are counted in these. */
export const CHAR = 320;
/**
 * 28 characters a line: 16 pt characters need 8960 twips but the 版心 is 8844 wide, so each
 * character is condensed by 5 twips (a document grid would do the same, but it also snaps
 * table rows to the 28.95 pt line, which blows the tables up).
 */
export const CONDENSE = -5;
export const RED = 'FF0000';

export const STYLE = {
  body: 'NoticeBody',
  plain: 'NoticePlain',
  heading1: 'NoticeHeading1',
  heading2: 'NoticeHeading2',
  title: 'NoticeTitle',
  attachmentLabel: 'NoticeAttachmentLabel',
  tableCaption: 'NoticeTableCaption',
  tableText: 'NoticeTableText',
  tableHead: 'NoticeTableHead',
  smallText: 'NoticeTableTextSmall',
  smallHead: 'NoticeTableHeadSmall',
  note: 'NoticeNote',
  record: 'NoticeRecord',
  pageNumber: 'NoticePageNumber',
} as const;

const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });
const single = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 };

export const NOTICE_STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: font(FONTS.body), size: SIZE.sanHao },
      paragraph: { spacing: exact(LINE) },
    },
  },
  paragraphStyles: [
    {
      id: STYLE.plain,
      name: '通报正文（顶格）',
      run: { font: font(FONTS.body), size: SIZE.sanHao, characterSpacing: CONDENSE },
      paragraph: { spacing: exact(LINE), alignment: AlignmentType.BOTH },
    },
    {
      id: STYLE.body,
      name: '通报正文',
      basedOn: STYLE.plain,
      next: STYLE.body,
      paragraph: { indent: { firstLine: 2 * CHAR } },
    },
    {
      id: STYLE.heading1,
      name: '通报一级标题',
      basedOn: STYLE.body,
      next: STYLE.body,
      run: { font: font(FONTS.heading1) },
      paragraph: { keepNext: true, outlineLevel: 0 },
    },
    {
      id: STYLE.heading2,
      name: '通报二级标题',
      basedOn: STYLE.body,
      next: STYLE.body,
      run: { font: font(FONTS.heading2) },
      paragraph: { keepNext: true, outlineLevel: 1 },
    },
    {
      id: STYLE.title,
      name: '通报标题',
      run: { font: font(FONTS.title), size: SIZE.erHao },
      paragraph: { alignment: AlignmentType.CENTER, spacing: exact(720) },
    },
    {
      id: STYLE.attachmentLabel,
      name: '附件标识',
      run: { font: font(FONTS.heading1), size: SIZE.sanHao },
      paragraph: { spacing: exact(LINE), keepNext: true },
    },
    {
      id: STYLE.tableCaption,
      name: '表格分组标题',
      run: { font: font(FONTS.heading2), size: SIZE.sanHao },
      paragraph: { spacing: { ...exact(LINE), before: LINE / 2 }, keepNext: true },
    },
    {
      id: STYLE.tableText,
      name: '表格文字',
      run: { font: font(FONTS.body), size: SIZE.wuHao },
      paragraph: { spacing: single, alignment: AlignmentType.CENTER },
    },
    {
      id: STYLE.tableHead,
      name: '表头文字',
      basedOn: STYLE.tableText,
      run: { font: font(FONTS.heading1) },
    },
    {
      id: STYLE.smallText,
      name: '表格文字（小五）',
      basedOn: STYLE.tableText,
      run: { size: SIZE.xiaoWu },
    },
    {
      id: STYLE.smallHead,
      name: '表头文字（小五）',
      basedOn: STYLE.tableHead,
      run: { size: SIZE.xiaoWu },
    },
    {
      id: STYLE.note,
      name: '表注',
      run: { font: font(FONTS.body), size: SIZE.xiaoSi },
      paragraph: { spacing: { ...single, before: 120 } },
    },
    {
      id: STYLE.record,
      name: '版记',
      run: { font: font(FONTS.body), size: SIZE.siHao },
      paragraph: { spacing: exact(LINE) },
    },
    {
      id: STYLE.pageNumber,
      name: '页码',
      run: { font: { ascii: FONTS.pageNumber, hAnsi: FONTS.pageNumber, eastAsia: FONTS.pageNumber, cs: FONTS.pageNumber }, size: SIZE.siHao },
      paragraph: { spacing: single },
    },
  ],
};
