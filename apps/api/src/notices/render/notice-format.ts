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

/** Signed percentage for tables: "+21.3%", "-5.0%", "0.0%"; "—" when not comparable. */
export function formatChange(current: number, base: number | null): string {
  const tenths = changeTenths(current, base);
  if (tenths === null) return '—';
  return `${tenths > 0n ? '+' : ''}${fixed(tenths, 1)}%`;
}

/** Wording for prose: "增长21.3%", "下降5.0%", "持平"; null when not comparable. */
export function describeChange(current: number, base: number | null): string | null {
  const tenths = changeTenths(current, base);
  if (tenths === null) return null;
  if (tenths === 0n) return '持平';
  return tenths > 0n ? `增长${fixed(tenths, 1)}%` : `下降${fixed(-tenths, 1)}%`;
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
  return { year, q, label: `${year}年第${chineseNumber(q)}季度` };
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
