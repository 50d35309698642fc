/** 3 → 'C', 27 → 'AA'. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** 'C' → 3, 'AA' → 27. */
const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** 'L12' → { row: 12, column: 12 }. */
export function cellAddress(ref: string): { row: number; column: number } | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref.replace(/\$/g, '').toUpperCase());
  if (!m) return null;
  return { row: Number(m[2]), column: columnNumber(m[1]) };
}

/** A merged range as a sheet's reader reports it. */
export interface MergedRange {
  range: string;
  top: number;
  bottom: number;
  left: number;
  /** What to tell the user (zh-CN): the rows under a merged range are not imported. */
  message: string;
}

/**
 * 'B3:C4' → rows 3–4, from column 2, or null for what is not a range. A merged cell repeats
 * its value on every row it covers, which would silently copy a value onto rows that did not
 * say so: the imports leave those rows out and say why.
 */
export function mergedRange(range: string): MergedRange | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range.replace(/\$/g, '').toUpperCase());
  if (!m) return null;
  const top = Number(m[2]);
  const bottom = Number(m[4]);
  const rowsText = top === bottom ? `第 ${top} 行` : `第 ${top}–${bottom} 行`;
  return { range, top, bottom, left: columnNumber(m[1]), message: `${range} 是合并单元格（${rowsText}）：请取消合并，并在每一行填写完整后重新导入；这些行未导入` };
}
