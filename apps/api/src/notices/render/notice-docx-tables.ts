import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { SIZE, STYLE, TEXT_WIDTH } from './notice-docx-style';
import { ADOPTION_COLUMNS, RANKING_COLUMNS, adoptionCells, rankingCells, type AdoptionGroup, type RankingTable } from './notice-tables';

// Column widths in twips, summing to the 156 mm 版心. Twelve ranking columns only fit on a
// portrait page in 小五 (9 pt), with every header on one line; the adoption list stays 五号.
const RANKING_WIDTHS = [460, 1900, 620, 620, 460, 460, 460, 460, 800, 900, 680, 1024];
const ADOPTION_WIDTHS = [1400, 2864, 1400, 1600, 820, 760];

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID = { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };
const CELL_MARGINS = { top: 40, bottom: 40, left: 40, right: 40 };

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

function cell(text: string, width: number, opts: CellOptions = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.span,
    verticalAlign: VerticalAlignTable.CENTER,
    children: [
      new Paragraph({
        style: cellStyle(opts),
        alignment: opts.align === 'left' ? AlignmentType.LEFT : undefined,
        children: [new TextRun(text)],
      }),
    ],
  });
}

function headerRow(columns: readonly string[], widths: number[], small = false): TableRow {
  return new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c, widths[i], { head: true, small })) });
}

function gridTable(widths: number[], rows: TableRow[]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID,
    margins: CELL_MARGINS,
    rows,
  });
}

/** One ranking table of 附件1 (a group, or the overall ranking). */
export function rankingDocxTable(table: RankingTable): Table {
  const rows = table.rows.map(
    (r) => new TableRow({ cantSplit: true, children: rankingCells(r).map((text, i) => cell(text, RANKING_WIDTHS[i], { small: true })) }),
  );
  return gridTable(RANKING_WIDTHS, [headerRow(RANKING_COLUMNS, RANKING_WIDTHS, true), ...rows]);
}

/** The adoption list of 附件2: a spanning row names each level, then its adoptions. */
export function adoptionDocxTable(groups: AdoptionGroup[]): Table {
  const rows: TableRow[] = [headerRow(ADOPTION_COLUMNS, ADOPTION_WIDTHS)];
  for (const g of groups) {
    rows.push(new TableRow({ cantSplit: true, children: [cell(g.caption, TEXT_WIDTH, { head: true, align: 'left', span: ADOPTION_WIDTHS.length })] }));
    for (const r of g.rows) {
      rows.push(
        new TableRow({
          cantSplit: true,
          children: adoptionCells(r).map((text, i) => cell(text, ADOPTION_WIDTHS[i], { align: i === 1 ? 'left' : 'center' })),
        }),
      );
    }
  }
  return gridTable(ADOPTION_WIDTHS, rows);
}

/**
 * 版记: 抄送 and 印发机关/印发日期 between a thick first rule, a thin rule between them and a thick
 * last rule, all as wide as the 版心, text one character in (四号). A borderless-sided table
 * draws those rules the same in Word, WPS and LibreOffice; paragraph frames and floating tables
 * (which could pin it to the page bottom) were dropped or misplaced by LibreOffice.
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
    borders: { top: thick, bottom: thick, left: none, right: none, insideHorizontal: thin, insideVertical: none },
    margins: { top: 0, bottom: 0, left: oneChar, right: oneChar },
    rows,
  });
}
