import {
  BorderStyle,
  OverlapType,
  RelativeVerticalPosition,
  TableAnchorType,
  FileChild,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  WidthType,
  type IContext,
  type IXmlableObject,
} from 'docx';
import { PAGE, SIZE, STYLE, TEXT_WIDTH } from './notice-docx-style';
import { ADOPTION_COLUMNS, EXCLUDED_COLUMNS, RANKING_COLUMNS, adoptionCells, rankingCells, type AdoptionGroup, type RankingTable } from '@app/notice';

/**
 * Column widths in twips; the last column takes what is left of the 156 mm 版心, so the grid
 * (gridCol) adds up to exactly the table width (tblW): WPS lays a table out by its grid and
 * misdraws one whose two widths disagree.
 */
const fillWidth = (widths: number[]): number[] => [...widths, TEXT_WIDTH - widths.reduce((a, b) => a + b, 0)];
// Twelve ranking columns only fit on a portrait page in 小五 (9 pt), with every header on one line.
const RANKING_WIDTHS = fillWidth([460, 1900, 620, 620, 460, 460, 460, 460, 800, 900, 680]);
// The adoption list stays 五号: dates without the year (10月21日) and 第11版 fit on one line even
// with the spacing LibreOffice and WPS add between digits and Chinese characters.
const ADOPTION_WIDTHS = [1400, 2985, 1400, 1400, 900, 760];

// 附件3: number, unit, kind, and the title taking the rest.
const EXCLUDED_WIDTHS = fillWidth([700, 2400, 1000]);

const CELL_MARGIN = 40;

interface CellOptions {
  head?: boolean;
  small?: boolean;
  align?: 'left' | 'center';
  span?: number;
}

function cellStyle(o: CellOptions): string {
  if (o.small) return o.head ? STYLE.smallHead : STYLE.smallText;
  return o.head ? STYLE.tableHead : STYLE.tableText;
}

/** One cell of a grid table: its text, width in twips and look. */
interface GridCell extends CellOptions {
  text: string;
  width: number;
}

interface GridRow {
  cells: GridCell[];
  /** repeated at the top of every page */
  header?: boolean;
}

// Characters XML cannot hold are dropped and markup characters escaped, as docx escapes text.
// eslint-disable-next-line no-control-regex
const XML_SPECIAL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
const escapeXml = (text: string): string => text.replace(XML_SPECIAL, (c) => ESCAPES[c] ?? '');

const TR_PR = '<w:trPr><w:cantSplit/></w:trPr>';
const TR_PR_HEADER = '<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>';
const memo = <T>(make: (key: string) => T) => {
  const cache = new Map<string, T>();
  return (key: string): T => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = make(key)));
    return value;
  };
};
/** A cell's opening up to its text: width, span, vertical centring, paragraph style and alignment. */
const cellStart = memo((key) => {
  const [width, span, style, align] = key.split('/');
  const gridSpan = Number(span) > 1 ? `<w:gridSpan w:val="${span}"/>` : '';
  const jc = align === 'left' ? '<w:jc w:val="left"/>' : '';
  return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${gridSpan}<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="${style}"/>${jc}</w:pPr><w:r><w:t xml:space="preserve">`;
});
const CELL_END = '</w:t></w:r></w:p></w:tc>';

let placeholders = 0;

/**
 * A bordered grid table, written as WordprocessingML text a row at a time: a province's 附件1
 * has 4,000 ranking rows, and even docx's XML objects for them (a few per cell) took ~300 MB
 * while docx packed the document whole. In the Document it stands as a placeholder element
 * (`<pubscore-grid id="…"/>`, a FileChild whose prepForXml returns it); the writer streams
 * the table's rows in its place (see writeNoticeDocx).
 */
export class GridTable extends FileChild {
  private readonly id = ++placeholders;

  constructor(
    private readonly widths: number[],
    private readonly rows: () => Iterable<GridRow>,
  ) {
    super('w:tbl');
  }

  /** What docx writes where the table goes. */
  get placeholder(): string {
    return `<pubscore-grid id="${this.id}"/>`;
  }

  override prepForXml(_context: IContext): IXmlableObject {
    return { 'pubscore-grid': { _attr: { id: this.id } } } as IXmlableObject;
  }

  /** The table's XML, the table's properties and then one row at a time. */
  *xml(): Generator<string> {
    const side = 'w:val="single" w:color="000000" w:sz="4"';
    const margin = `w:type="dxa" w:w="${CELL_MARGIN}"`;
    yield (
      `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${TEXT_WIDTH}"/>` +
      `<w:tblBorders><w:top ${side}/><w:left ${side}/><w:bottom ${side}/><w:right ${side}/><w:insideH ${side}/><w:insideV ${side}/></w:tblBorders>` +
      `<w:tblLayout w:type="fixed"/>` +
      `<w:tblCellMar><w:top ${margin}/><w:left ${margin}/><w:bottom ${margin}/><w:right ${margin}/></w:tblCellMar></w:tblPr>` +
      `<w:tblGrid>${this.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`
    );
    for (const row of this.rows()) {
      let xml = `<w:tr>${row.header ? TR_PR_HEADER : TR_PR}`;
      for (const c of row.cells) xml += cellStart(`${c.width}/${c.span ?? 1}/${cellStyle(c)}/${c.align ?? 'center'}`) + escapeXml(c.text) + CELL_END;
      yield `${xml}</w:tr>`;
    }
    yield '</w:tbl>';
  }
}

function headerRow(columns: readonly string[], widths: number[], small = false): GridRow {
  return { header: true, cells: columns.map((text, i) => ({ text, width: widths[i], head: true, small })) };
}

/** One ranking table of 附件1 (a group, or the overall ranking). */
export function rankingDocxTable(table: RankingTable): GridTable {
  return new GridTable(RANKING_WIDTHS, function* () {
    yield headerRow(RANKING_COLUMNS, RANKING_WIDTHS, true);
    for (const r of table.rows) yield { cells: rankingCells(r).map((text, i) => ({ text, width: RANKING_WIDTHS[i], small: true })) };
  });
}

/** The adoption list of 附件2: a spanning row names each level, then its adoptions. */
export function adoptionDocxTable(groups: AdoptionGroup[]): GridTable {
  return new GridTable(ADOPTION_WIDTHS, function* () {
    yield headerRow(ADOPTION_COLUMNS, ADOPTION_WIDTHS);
    for (const g of groups) {
      yield { cells: [{ text: g.caption, width: TEXT_WIDTH, head: true, align: 'left', span: ADOPTION_WIDTHS.length }] };
      for (const r of g.rows) yield { cells: adoptionCells(r).map((text, i) => ({ text, width: ADOPTION_WIDTHS[i], align: i === 1 ? 'left' : 'center' })) };
    }
  });
}

/** 附件3: the entries left out of the ranking, with their units. */
export function excludedDocxTable(rows: string[][]): GridTable {
  return new GridTable(EXCLUDED_WIDTHS, function* () {
    yield headerRow(EXCLUDED_COLUMNS, EXCLUDED_WIDTHS);
    for (const r of rows) yield { cells: r.map((text, i) => ({ text, width: EXCLUDED_WIDTHS[i], align: i === 3 ? 'left' : 'center' })) };
  });
}

/**
 * 版记: 抄送 and 印发机关/印发日期 between a thick first rule, a thin rule between them and a thick
 * last rule, all as wide as the 版心, text one character in (四号). A borderless-sided table
 * draws those rules the same in Word, WPS and LibreOffice.
 *
 * It floats at the foot of the last page (GB/T 9704: the last rule on the 版心's lower edge),
 * bottom-aligned to the margin, with text kept clear of it. The horizontal anchor is the page,
 * at the left margin: LibreOffice imports a floating table anchored to the margin that is as
 * wide as the 版心 as an inline table (no text could wrap beside it), but keeps one anchored to
 * the page floating. Paragraph frames lose their borders in LibreOffice, and a bottom-aligned
 * last section is not honoured there.
 */
export function recordTable(copyTo: string | null, office: string, printedOn: string | null): Table {
  const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
  const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const oneChar = SIZE.siHao * 10;
  const row = (paragraph: Paragraph) =>
    new TableRow({ cantSplit: true, children: [new TableCell({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, children: [paragraph] })] });
  const rows: TableRow[] = [];
  if (copyTo) {
    // keepNext holds the two rows on one page (Word and LibreOffice both read it that way for tables)
    rows.push(row(new Paragraph({ style: STYLE.record, keepNext: true, children: [new TextRun(`抄送：${copyTo.replace(/[。.]+$/u, '')}。`)] })));
  }
  rows.push(
    row(
      new Paragraph({
        style: STYLE.record,
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - 2 * oneChar }],
        children: [new TextRun(office), ...(printedOn ? [new TextRun({ children: [new Tab(), `${printedOn}印发`] })] : [])],
      }),
    ),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH],
    layout: TableLayoutType.FIXED,
    float: {
      horizontalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: PAGE.left,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      overlap: OverlapType.NEVER,
    },
    borders: { top: thick, bottom: thick, left: none, right: none, insideHorizontal: thin, insideVertical: none },
    margins: { top: 0, bottom: 0, left: oneChar, right: oneChar },
    rows,
  });
}
