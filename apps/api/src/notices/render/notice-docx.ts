import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type FileChild,
  type IParagraphOptions,
} from 'docx';
import { CHAR, FONTS, LINE, NOTICE_STYLES, PAGE, RED, STYLE, TEXT_WIDTH, font } from './notice-docx-style';
import { GridTable, adoptionDocxTable, excludedDocxTable, rankingDocxTable, recordTable } from './notice-docx-tables';
import { writePackage } from './ooxml-package';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { noticeSections, textWidth, type NoticeData, type NoticeSections } from '@app/notice';
import { quarterLabel } from '@app/contracts';

/** 版头: the issuing office in red, the 发文字号 two lines below it, and a red rule under both. */
function letterhead(s: NoticeSections): Paragraph[] {
  // 发文机关标志 as large as 小初 (36 pt) but never wider than the 版心
  const pt = Math.min(36, Math.floor(TEXT_WIDTH / 20 / Math.max(1, textWidth(s.office))));
  const rule = { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } };
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 0, line: pt * 20 + 200, lineRule: LineRuleType.AT_LEAST },
      children: [new TextRun({ text: s.office, font: font(FONTS.title), size: pt * 2, color: RED })],
    }),
    new Paragraph({
      style: STYLE.plain,
      alignment: AlignmentType.CENTER,
      spacing: { before: 2 * LINE },
      border: rule,
      children: s.docNumber ? [new TextRun(s.docNumber)] : [],
    }),
  ];
}

function titleBlock(s: NoticeSections): Paragraph[] {
  return [
    new Paragraph({
      style: STYLE.title,
      spacing: { before: 2 * LINE, after: LINE },
      children: s.titleLines.map((text, i) => new TextRun({ text, break: i > 0 ? 1 : undefined })),
    }),
    new Paragraph({ style: STYLE.plain, children: [new TextRun(s.recipients)] }),
  ];
}

function body(s: NoticeSections): Paragraph[] {
  const out: Paragraph[] = [];
  for (const section of s.sections) {
    if (section.heading) out.push(new Paragraph({ style: STYLE.heading1, children: [new TextRun(section.heading)] }));
    for (const part of section.parts) {
      if (part.subheading) out.push(new Paragraph({ style: STYLE.heading2, children: [new TextRun(part.subheading)] }));
      for (const text of part.paragraphs) {
        // 特此通报 stays on the page of the signature, so the signature never stands alone
        out.push(new Paragraph({ style: STYLE.body, keepNext: section.key === 'closing', children: [new TextRun(text)] }));
      }
    }
  }
  return out;
}

/** 附件说明: 正文下空一行左空二字; with several attachments the numbers line up under the first. */
function attachmentNote(s: NoticeSections): Paragraph[] {
  const label = 3 * CHAR;
  const several = s.attachments.length > 1;
  return s.attachments.map(
    (a, i) =>
      new Paragraph({
        style: STYLE.plain,
        spacing: i === 0 ? { before: LINE } : undefined,
        keepNext: true,
        indent: { left: 2 * CHAR + label, hanging: i === 0 ? label : undefined },
        children: [new TextRun(`${i === 0 ? '附件：' : ''}${several ? `${i + 1}．` : ''}${a.title}`)],
      }),
  );
}

/** The seal's placeholder, as wide as the words in it; the office stamps the printed notice over it. */
export const SEAL_PLACEHOLDER = '（印章）';

/**
 * 署名 and 成文日期 of a sealed notice (GB/T 9704 7.3.5.1): the date 右空四字, the signature centred
 * over the date, and the seal's placeholder centred over both, on the line above the signature, so
 * the seal pressed over it covers the signature and date with its centre a little above them. A
 * signature wider than the date is 右空二字 instead and the placeholder centres over it.
 */
function signature(s: NoticeSections): Paragraph[] {
  const signer = textWidth(s.issuer);
  const date = s.issuedDate ? textWidth(s.issuedDate) : 0;
  // distance of the common centre line from the right margin, in characters
  const centre = Math.max(4 + date / 2, 2 + signer / 2);
  const right = (width: number) => ({ right: Math.round((centre - width / 2) * CHAR) });
  const line = (text: string, width: number, extra: Partial<IParagraphOptions> = {}) =>
    new Paragraph({ style: STYLE.plain, alignment: AlignmentType.RIGHT, indent: right(width), keepNext: true, children: [new TextRun(text)], ...extra });
  const out = [
    line(SEAL_PLACEHOLDER, textWidth(SEAL_PLACEHOLDER), { spacing: { before: LINE }, children: [new TextRun({ text: SEAL_PLACEHOLDER, color: RED })] }),
    line(s.issuer, signer),
  ];
  if (s.issuedDate) out.push(line(s.issuedDate, date, { keepNext: false }));
  return out;
}

/** 附件标识 (黑体, 顶格, on a new page) and the attachment's title on the third line. */
function attachmentHead(label: string, title: string): Paragraph[] {
  return [
    new Paragraph({ style: STYLE.attachmentLabel, pageBreakBefore: true, children: [new TextRun(label)] }),
    new Paragraph({ style: STYLE.title, spacing: { before: LINE, after: LINE / 2 }, keepNext: true, children: [new TextRun(title)] }),
  ];
}

function attachments(s: NoticeSections): FileChild[] {
  const out: FileChild[] = [...attachmentHead(s.attachments[0].label, s.ranking.title)];
  for (const table of s.ranking.tables) {
    out.push(new Paragraph({ style: STYLE.tableCaption, children: [new TextRun(table.caption)] }), rankingDocxTable(table));
  }
  if (s.adoptions) {
    out.push(...attachmentHead(s.attachments[1].label, s.adoptions.title));
    // The levels too large to list are summed up right under the table, before the legend of its marks.
    const omitted = s.adoptions.omitted ? [new Paragraph({ style: STYLE.body, children: [new TextRun(s.adoptions.omitted)] })] : [];
    if (s.adoptions.groups.length > 0) {
      out.push(adoptionDocxTable(s.adoptions.groups), ...omitted, new Paragraph({ style: STYLE.note, children: [new TextRun(s.adoptions.legend)] }));
    } else if (omitted.length > 0) {
      out.push(...omitted);
    } else {
      out.push(new Paragraph({ style: STYLE.body, children: [new TextRun('本季度无录用稿件。')] }));
    }
  }
  if (s.excluded) out.push(...attachmentHead(s.excluded.label, s.excluded.title), excludedDocxTable(s.excluded.rows));
  return out;
}

/**
 * 版记 closes the document after the attachments, floating at the foot of the page the
 * document ends on; the empty paragraph after it is its anchor, and the document's last.
 */
function record(s: NoticeSections): FileChild[] {
  return [recordTable(s.copyTo, s.office, s.issuedDate), new Paragraph({ style: STYLE.note, children: [] })];
}

/** 「— 1 —」, 四号, odd pages on the right and even pages on the left, one character in from the edge. */
function pageNumber(side: 'left' | 'right'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.pageNumber,
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** The Document docx packs, and the grid tables that stand in it as placeholders. */
function noticePackage(data: NoticeData): { document: Document; grids: GridTable[] } {
  const s = noticeSections(data);
  const children = [...letterhead(s), ...titleBlock(s), ...body(s), ...attachmentNote(s), ...signature(s), ...attachments(s), ...record(s)];
  const document = new Document({
    creator: s.office,
    title: s.title,
    description: `${quarterLabel(s.quarter)} 第${s.revision}版`,
    evenAndOddHeaderAndFooters: true,
    styles: NOTICE_STYLES,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: PAGE.header, footer: PAGE.footer },
          },
        },
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children,
      },
    ],
  });
  return { document, grids: children.filter((c): c is GridTable => c instanceof GridTable) };
}

/** word/document.xml as docx wrote it, each grid table's rows streamed in place of its placeholder. */
function* documentXml(packed: string, grids: GridTable[]): Generator<string> {
  let at = 0;
  for (const grid of grids) {
    const start = packed.indexOf(grid.placeholder, at);
    if (start < 0) throw new Error(`docx did not write the placeholder ${grid.placeholder} where expected`);
    yield packed.slice(at, start);
    yield* grid.xml();
    at = start + grid.placeholder.length;
  }
  yield packed.slice(at);
}

/**
 * Writes the notice (or correction) as a DOCX laid out per GB/T 9704 to `out`. docx packs
 * everything but the big tables (a few dozen kB); their rows are written into the document
 * part as the zip is streamed, so memory does not grow with the number of units.
 */
export async function writeNoticeDocx(out: Writable, data: NoticeData): Promise<void> {
  const { document, grids } = noticePackage(data);
  const packed = await Packer.toBuffer(document);
  await writePackage(out, packed, 'word/document.xml', (xml) => documentXml(xml, grids));
}

/** The notice as one buffer (tests, and callers that want the bytes). */
export async function renderNoticeDocx(data: NoticeData): Promise<Buffer> {
  const parts: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => parts.push(chunk));
  await writeNoticeDocx(out, data);
  out.end();
  await finished(out);
  return Buffer.concat(parts);
}
