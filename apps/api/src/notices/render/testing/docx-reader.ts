import JSZip from 'jszip';

/**
 * Reads a DOCX back for tests: the body as a list of paragraphs (style and text) and tables
 * (rows of cell texts), in document order. WordprocessingML is regular enough that a tag
 * tokenizer suffices; nested tables are not used by the notice and are not supported.
 */

export interface DocxParagraph {
  kind: 'p';
  style: string | null;
  text: string;
  /** the paragraph's own XML, to check properties such as alignment or page breaks */
  xml: string;
}

export interface DocxTable {
  kind: 'table';
  rows: string[][];
}

export type DocxBlock = DocxParagraph | DocxTable;

export interface DocxContent {
  blocks: DocxBlock[];
  files: Record<string, string>;
}

const TOKEN = /<(\/)?([\w:]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/)?>|([^<]+)/g;

const unescape = (s: string): string =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e]) return named[e];
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });

/** Parses the body of word/document.xml into paragraphs and tables. */
export function parseBody(xml: string): DocxBlock[] {
  const blocks: DocxBlock[] = [];
  let tableDepth = 0;
  let rows: string[][] = [];
  let cells: string[] = [];
  let cellParagraphs: string[] = [];
  let text = '';
  let style: string | null = null;
  let inText = false;
  let paragraphStart = 0;
  for (const m of xml.matchAll(TOKEN)) {
    const [whole, closing, name, attrs, selfClosing, chars] = m;
    if (chars !== undefined) {
      if (inText) text += unescape(chars);
      continue;
    }
    if (name === 'w:tbl') {
      if (!closing) {
        tableDepth++;
        rows = [];
      } else {
        tableDepth--;
        blocks.push({ kind: 'table', rows });
      }
    } else if (name === 'w:tr' && tableDepth > 0) {
      if (!closing) cells = [];
      else rows.push(cells);
    } else if (name === 'w:tc' && tableDepth > 0) {
      if (!closing) cellParagraphs = [];
      else cells.push(cellParagraphs.join('\n'));
    } else if (name === 'w:p') {
      if (!closing && !selfClosing) {
        text = '';
        style = null;
        paragraphStart = m.index!;
      } else {
        const end = m.index! + whole.length;
        if (selfClosing) {
          text = '';
          style = null;
          paragraphStart = m.index!;
        }
        if (tableDepth > 0) cellParagraphs.push(text);
        else blocks.push({ kind: 'p', style, text, xml: xml.slice(paragraphStart, end) });
      }
    } else if (name === 'w:pStyle' && !closing) {
      style = /w:val="([^"]*)"/.exec(attrs)?.[1] ?? null;
    } else if (name === 'w:t') {
      inText = !closing && !selfClosing;
    } else if (name === 'w:tab' && selfClosing && !inText) {
      // a <w:tab/> inside <w:tabs> is a tab stop definition, not a character
      if (!/w:pos=/.test(attrs)) text += '\t';
    } else if (name === 'w:br' && selfClosing) {
      text += '\n';
    }
  }
  return blocks;
}

/** Unzips a DOCX (checking every part's CRC-32) and parses its body; every XML part is returned as text too. */
export async function readDocx(buffer: Buffer): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(buffer, { checkCRC32: true });
  const files: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith('.xml') || name.endsWith('.rels')) files[name] = await zip.files[name].async('string');
  }
  return { blocks: parseBody(files['word/document.xml']), files };
}

/** The XML of one style definition in styles.xml, by style id. */
export function styleXml(stylesXml: string, id: string): string {
  const start = stylesXml.indexOf(`w:styleId="${id}"`);
  if (start < 0) return '';
  return stylesXml.slice(start, stylesXml.indexOf('</w:style>', start));
}
