import { quarterLabel } from '@app/contracts';

/**
 * Number, date and wording helpers of the notice. Points arrive as integer ten-thousandths and
 * are rounded with BigInt arithmetic, so 72.505 never turns into 72.50 through a binary float.
 */

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** num / den rounded half away from zero (den > 0). */
function roundDiv(num: bigint, den: bigint): bigint {
  const negative = num < 0n;
  const abs = negative ? -num : num;
  const q = (2n * abs + den) / (2n * den);
  return negative ? -q : q;
}

function fixed(hundredthsOrTenths: bigint, decimals: 1 | 2): string {
  const negative = hundredthsOrTenths < 0n;
  const abs = negative ? -hundredthsOrTenths : hundredthsOrTenths;
  const unit = decimals === 2 ? 100n : 10n;
  const frac = (abs % unit).toString().padStart(decimals, '0');
  return `${negative ? '-' : ''}${abs / unit}.${frac}`;
}

/** 725000 → "72.50" (ten-thousandths of a point, two decimals, half away from zero). */
export function formatPoints(tenThousandths: number): string {
  return fixed(roundDiv(BigInt(Math.trunc(tenThousandths)), 100n), 2);
}

/** The same rounding as a number, for spreadsheet cells: 725000 → 72.5. */
export function pointsValue(tenThousandths: number): number {
  return Number(formatPoints(tenThousandths));
}

/** 725000 → "72.50分" */
export function formatScore(tenThousandths: number): string {
  return `${formatPoints(tenThousandths)}分`;
}

/**
 * Change from base to current in tenths of a percent, or null when there is nothing to compare
 * with (no base, or a base of zero, which has no meaningful percentage).
 */
export function changeTenths(current: number, base: number | null): bigint | null {
  if (base === null || base === 0) return null;
  const b = BigInt(Math.trunc(base));
  return roundDiv((BigInt(Math.trunc(current)) - b) * 1000n, b < 0n ? -b : b);
}

/**
 * When a 同比/环比 percentage means something. A percentage is given only against a base of at
 * least MIN_BASE (5 adoptions, or 5.00 points) with a current figure of the same sign; against a
 * smaller or negative base, or when the score turned negative, the percentage reads as an error
 * (1 → 10 adoptions is +900%, 12.00 → -2.00 points is -116.7%), so the plain difference is given
 * instead; against nothing at all the notice says so (上季度无录用).
 */
export const MIN_BASE = { count: 5, points: 50000 } as const;

export type Comparison =
  /** change in tenths of a percent */
  | { kind: 'percent'; tenths: bigint }
  /** base too small or of another sign: current − base */
  | { kind: 'difference'; diff: number }
  /** the base period had none (0) */
  | { kind: 'noBase' }
  /** no figures for the base period */
  | { kind: 'unknown' };

/** Decides how current compares with base (see MIN_BASE). */
export function compareWithBase(current: number, base: number | null, minBase: number): Comparison {
  if (base === null) return { kind: 'unknown' };
  if (base === 0) return { kind: 'noBase' };
  if (base < minBase || current < 0) return { kind: 'difference', diff: current - base };
  return { kind: 'percent', tenths: changeTenths(current, base)! };
}

const signed = (text: string, negative: boolean, zero: boolean): string => (zero ? text : negative ? `-${text}` : `+${text}`);
const percentText = (tenths: bigint): string => `${tenths > 0n ? '+' : ''}${fixed(tenths, 1)}%`;

/**
 * A unit's score against last year (同比) or last quarter (环比), for a table column: "+21.3%",
 * "+8.00分" (small base), "去年无得分" / "上季度无得分", or "—" when the base is unknown.
 */
export function formatScoreChange(current: number, base: number | null, period: '同比' | '环比' = '同比'): string {
  const c = compareWithBase(current, base, MIN_BASE.points);
  if (c.kind === 'percent') return percentText(c.tenths);
  if (c.kind === 'difference') return signed(formatPoints(Math.abs(c.diff)), c.diff < 0, c.diff === 0) + '分';
  return c.kind === 'noBase' ? `${period === '同比' ? '去年' : '上季度'}无得分` : '—';
}

/**
 * A count against a base period, for a table cell (the pages' 环比 and 同比 columns): "+21.3%",
 * "+9篇" (small base), "上季度无录用" / "去年同期无录用", or "—" when the base period is unknown.
 */
export function formatCountChange(current: number, base: number | null, period: '同比' | '环比'): string {
  const c = compareWithBase(current, base, MIN_BASE.count);
  if (c.kind === 'percent') return percentText(c.tenths);
  if (c.kind === 'difference') return `${signed(formatCount(Math.abs(c.diff)), c.diff < 0, c.diff === 0)}篇`;
  return c.kind === 'noBase' ? `${period === '同比' ? '去年同期' : '上季度'}无录用` : '—';
}

/**
 * A count against a base period, for prose: "同比增长21.3%", "环比持平", "比上季度增加9篇",
 * "上季度无录用"; null when the base period is unknown. `period` is 同比 (去年同期) or 环比 (上季度).
 */
export function describeCountChange(current: number, base: number | null, period: '同比' | '环比'): string | null {
  const c = compareWithBase(current, base, MIN_BASE.count);
  const when = period === '同比' ? '去年同期' : '上季度';
  if (c.kind === 'unknown') return null;
  if (c.kind === 'noBase') return `${when}无录用`;
  if (c.kind === 'difference') return c.diff === 0 ? `与${when}持平` : `比${when}${c.diff > 0 ? '增加' : '减少'}${formatCount(Math.abs(c.diff))}篇`;
  if (c.tenths === 0n) return `${period}持平`;
  return `${period}${c.tenths > 0n ? `增长${fixed(c.tenths, 1)}%` : `下降${fixed(-c.tenths, 1)}%`}`;
}

/** A count with thousands separators, as large figures are printed in the notice: 30112 → "30,112". */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A rate as a percentage with at most one decimal: 3/5 → "60%", 2/3 → "66.7%". */
export function formatRate(part: number, whole: number): string {
  if (whole <= 0) return '—';
  const tenths = roundDiv(BigInt(part) * 1000n, BigInt(whole));
  const text = fixed(tenths, 1);
  return `${text.endsWith('.0') ? text.slice(0, -2) : text}%`;
}

/** "2023-07-10" → "2023年7月10日" */
export function chineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** 1 → 一, 12 → 十二, 25 → 二十五 (headings and ordinals; up to 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones === 0 ? '' : CN_DIGITS[ones]}`;
}

/** "2023-Q2" → { year: 2023, q: 2, label: "2023年第二季度" } */
export function parseQuarter(quarter: string): { year: number; q: number; label: string } {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) return { year: 0, q: 0, label: quarter };
  const year = Number(m[1]);
  const q = Number(m[2]);
  return { year, q, label: quarterLabel(quarter) };
}

/** The administrative suffix of a region name: 示例区 → 区, 某某市 → 市 (区 when unknown). */
export function regionSuffix(regionName: string): string {
  const last = regionName.trim().slice(-1);
  return ['区', '市', '县', '旗', '州', '省'].includes(last) ? last : '区';
}

/** 示例区 → 全区, 某某市 → 全市 */
export function regionWide(regionName: string): string {
  return `全${regionSuffix(regionName)}`;
}

/** Display width in Chinese characters (half-width ASCII counts half), for right-side indents. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! < 0x2000 ? 0.5 : 1;
  return width;
}

/** Splits editable free text into paragraphs (blank lines and surrounding spaces dropped). */
export function paragraphsOf(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** "A、B、C" */
export function joinNames(names: string[]): string {
  return names.join('、');
}

/** Removes repeats, keeping the first occurrence's position. */
export function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

const OPEN_QUOTE = ['“', '‘'];
const CLOSE_QUOTE = ['”', '’'];
const OPEN_TITLE = ['《', '〈'];
const CLOSE_TITLE = ['》', '〉'];

/**
 * Nested quotation marks alternate by depth, as Chinese typesetting requires: “…‘…“…”…’…”, and
 * book-title marks likewise 《…〈…〉…》. Whatever kind a writer typed at each depth (“a“b”” or
 * ‘a’), the marks are rewritten by their depth; `depth` is the quote level the text already
 * sits in (1 for a text the notice itself puts in “ ”). A ’ that closes nothing is an
 * apostrophe and stays; an unmatched closing mark is left as typed.
 */
export function nestQuotes(text: string, depth = 0): string {
  let quotes = depth;
  let titles = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '“' || ch === '‘') {
      out += OPEN_QUOTE[quotes++ % 2];
    } else if ((ch === '”' || ch === '’') && quotes > depth) {
      out += CLOSE_QUOTE[--quotes % 2];
    } else if (ch === '《' || ch === '〈') {
      out += OPEN_TITLE[titles++ % 2];
    } else if ((ch === '》' || ch === '〉') && titles > 0) {
      out += CLOSE_TITLE[--titles % 2];
    } else {
      out += ch;
    }
  }
  return out;
}

/** "2023-10-21" → "10月21日" within the given year (a notice's own year), else "2022年12月30日". */
export function chineseDateIn(isoDate: string, year: number): string {
  const full = chineseDate(isoDate);
  return full.startsWith(`${year}年`) ? full.slice(`${year}年`.length) : full;
}
