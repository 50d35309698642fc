const QUARTER_NUMBERS = ['一', '二', '三', '四'];

/**
 * A quarter key as people read it: "2026-Q4" → "2026年第四季度" (as the 通报 writes it). Pages,
 * spreadsheets, documents and messages print quarters this way; the key stays in URLs and the API.
 * A text that is not a quarter key is returned as it is.
 */
export function quarterLabel(key: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  return m ? `${m[1]}年第${QUARTER_NUMBERS[Number(m[2]) - 1]}季度` : key;
}

/** "第四季度" for quarter 4. */
export const quarterName = (q: number): string => `第${QUARTER_NUMBERS[q - 1]}季度`;

/** The key of a year and quarter: (2026, 4) → "2026-Q4". */
export const quarterKey = (year: number, q: number): string => `${year}-Q${q}`;

/** The year and quarter of a key, or null when it is not one. */
export function splitQuarter(key: string): { year: number; q: number } | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  return m ? { year: Number(m[1]), q: Number(m[2]) } : null;
}
