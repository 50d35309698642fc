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

// Pieces of WordprocessingML shared by every cell that has them (docx's XML objects are only read
// when the document is written, so one object can stand in many places).
const PRESERVE = { _attr: { 'xml:space': 'preserve' } };
const V_CENTER = { 'w:vAlign': { _attr: { 'w:val': 'center' } } };
const JC_LEFT = { 'w:jc': { _attr: { 'w:val': 'left' } } };
const TR_PR = { 'w:trPr': [{ 'w:cantSplit': {} }] };
const TR_PR_HEADER = { 'w:trPr': [{ 'w:cantSplit': {} }, { 'w:tblHeader': {} }] };
const memo = <T>(make: (key: string) => T) => {
  const cache = new Map<string, T>();
  return (key: string): T => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = make(key)));
    return value;
  };
};
const tcPr = memo((key) => {
  const [width, span] = key.split('/').map(Number);
  return {
    'w:tcPr': [{ 'w:tcW': { _attr: { 'w:type': 'dxa', 'w:w': width } } }, ...(span > 1 ? [{ 'w:gridSpan': { _attr: { 'w:val': span } } }] : []), V_CENTER],
  };
});
const pPr = memo((key) => {
  const [style, align] = key.split('/');
  return { 'w:pPr': [{ 'w:pStyle': { _attr: { 'w:val': style } } }, ...(align === 'left' ? [JC_LEFT] : [])] };
});

/**
 * A bordered grid table written straight to docx's XML objects, as its Table would write it:
 * a province's 附件1 has 4,000 ranking rows, and docx's object model for them (a dozen objects
 * per cell, serialised through several more) took 5 s and over 300 MB. Here a cell costs a few
 * small objects, built only while the document is written. A documented docx extension point:
 * a FileChild whose prepForXml returns the element.
 */
class GridTable extends FileChild {
  constructor(
    private readonly widths: number[],
    private readonly rows: () => Iterable<GridRow>,
  ) {
    super('w:tbl');
  }

  override prepForXml(_context: IContext): IXmlableObject {
    const side = { _attr: { 'w:val': 'single', 'w:color': '000000', 'w:sz': 4 } };
    const margin = { _attr: { 'w:type': 'dxa', 'w:w': CELL_MARGIN } };
    const out: object[] = [
      {
        'w:tblPr': [
          { 'w:tblW': { _attr: { 'w:type': 'dxa', 'w:w': TEXT_WIDTH } } },
          { 'w:tblBorders': [{ 'w:top': side }, { 'w:left': side }, { 'w:bottom': side }, { 'w:right': side }, { 'w:insideH': side }, { 'w:insideV': side }] },
          { 'w:tblLayout': { _attr: { 'w:type': 'fixed' } } },
          { 'w:tblCellMar': [{ 'w:top': margin }, { 'w:left': margin }, { 'w:bottom': margin }, { 'w:right': margin }] },
        ],
      },
      { 'w:tblGrid': this.widths.map((w) => ({ 'w:gridCol': { _attr: { 'w:w': w } } })) },
    ];
    for (const row of this.rows()) {
      const cells: object[] = [row.header ? TR_PR_HEADER : TR_PR];
      for (const c of row.cells) {
        cells.push({
          'w:tc': [
            tcPr(`${c.width}/${c.span ?? 1}`),
            { 'w:p': [pPr(`${cellStyle(c)}/${c.align ?? 'center'}`), { 'w:r': [{ 'w:t': [PRESERVE, c.text] }] }] },
          ],
        });
      }
      out.push({ 'w:tr': cells });
    }
    return { 'w:tbl': out } as IXmlableObject;
  }
}

function headerRow(columns: readonly string[], widths: number[], small = false): GridRow {
  return { header: true, cells: columns.map((text, i) => ({ text, width: widths[i], head: true, small })) };
}

/** One ranking table of 附件1 (a group, or the overall ranking). */
export function rankingDocxTable(table: RankingTable): FileChild {
  return new GridTable(RANKING_WIDTHS, function* () {
    yield headerRow(RANKING_COLUMNS, RANKING_WIDTHS, true);
    for (const r of table.rows) yield { cells: rankingCells(r).map((text, i) => ({ text, width: RANKING_WIDTHS[i], small: true })) };
  });
}

/** The adoption list of 附件2: a spanning row names each level, then its adoptions. */
export function adoptionDocxTable(groups: AdoptionGroup[]): FileChild {
  return new GridTable(ADOPTION_WIDTHS, function* () {
    yield headerRow(ADOPTION_COLUMNS, ADOPTION_WIDTHS);
    for (const g of groups) {
      yield { cells: [{ text: g.caption, width: TEXT_WIDTH, head: true, align: 'left', span: ADOPTION_WIDTHS.length }] };
      for (const r of g.rows) yield { cells: adoptionCells(r).map((text, i) => ({ text, width: ADOPTION_WIDTHS[i], align: i === 1 ? 'left' : 'center' })) };
    }
  });
}

/** 附件3: the entries left out of the ranking, with their units. */
export function excludedDocxTable(rows: string[][]): FileChild {
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
