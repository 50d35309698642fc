import type { Points } from './types';

/** Number of fixed-point units in one point (4 decimal places). */
export const ONE = 10000;
const SCALE = 4;
/** Products below this bound are exact in a double; above it we switch to BigInt. */
const SAFE_PRODUCT = 2 ** 52;

const DECIMAL = /^\s*([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/;

/**
 * Parses a decimal (string, or number via its shortest round-trip string) into an integer
 * scaled by 10^scale, without binary floating-point arithmetic.
 * Returns null when the text is not a decimal, has more than `scale` non-zero decimals,
 * or does not fit a safe integer.
 */
export function parseFixed(input: string | number, scale: number = SCALE): number | null {
  if (typeof input === 'number' && !Number.isFinite(input)) return null;
  const m = DECIMAL.exec(String(input));
  if (!m) return null;
  const intPart = m[2] ?? '';
  const fracPart = m[3] ?? '';
  if (intPart === '' && fracPart === '') return null;
  const digits = intPart + fracPart;
  const shift = Number(m[4] ?? 0) - fracPart.length + scale;
  let kept: string;
  if (shift >= 0) {
    if (shift > 20) return null;
    kept = digits + '0'.repeat(shift);
  } else {
    const cut = digits.length + shift;
    const dropped = cut > 0 ? digits.slice(cut) : digits;
    if (/[1-9]/.test(dropped)) return null;
    kept = cut > 0 ? digits.slice(0, cut) : '0';
  }
  const value = Number(kept);
  if (!Number.isSafeInteger(value)) return null;
  return m[1] === '-' && value !== 0 ? -value : value;
}

/**
 * Parses a display amount such as "72.5" or "-3" into Points (ten-thousandths).
 * @throws RangeError when the text is not a decimal with at most 4 decimal places.
 */
export function parsePoints(text: string | number): Points {
  const v = parseFixed(text, SCALE);
  if (v === null) throw new RangeError(`不是有效的分值（最多 4 位小数）：${String(text)}`);
  return v;
}

/** Integer division rounding half-up (away from zero on a tie), like BigDecimal HALF_UP. */
export function roundDiv(numerator: number, denominator: number): number {
  if (denominator < 0) return roundDiv(-numerator, -denominator);
  const r = numerator % denominator;
  let q = (numerator - r) / denominator;
  if (2 * Math.abs(r) >= denominator) q += numerator < 0 ? -1 : 1;
  return q;
}

function roundDivBig(n: bigint, d: bigint): number {
  if (d < 0n) return roundDivBig(-n, -d);
  const r = n % d;
  let q = (n - r) / d;
  const twoR = r < 0n ? -2n * r : 2n * r;
  if (twoR >= d) q += n < 0n ? -1n : 1n;
  return Number(q);
}

/**
 * Computes round-half-up(a × num / den) exactly with integers (BigInt when a × num could
 * leave the exact range of a double).
 */
export function mulDiv(a: number, num: number, den: number): number {
  if (Math.abs(a) * Math.abs(num) < SAFE_PRODUCT) return roundDiv(a * num, den);
  return roundDivBig(BigInt(a) * BigInt(num), BigInt(den));
}

/** Multiplies points by a fixed-point factor (1.5 = 15000), rounding half-up to 4 decimals. */
export function mulFactor(points: Points, factor: number): Points {
  return factor === ONE ? points : mulDiv(points, factor, ONE);
}

function gcd(a: number, b: number): number {
  while (b) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/**
 * Multiplies points by several fixed-point factors exactly and rounds once, half-up, to
 * 4 decimals (so the order of the factors never matters).
 */
export function mulFactors(points: Points, factors: readonly number[]): Points {
  let num = points;
  let den = 1;
  for (let i = 0; i < factors.length; i++) {
    const f = factors[i];
    if (f === ONE) continue;
    const g = gcd(f, ONE);
    const fn = f / g;
    if (Math.abs(num) * fn >= SAFE_PRODUCT || den * (ONE / g) >= SAFE_PRODUCT) {
      return mulFactorsBig(points, factors);
    }
    num *= fn;
    den *= ONE / g;
  }
  return den === 1 ? num : roundDiv(num, den);
}

function mulFactorsBig(points: Points, factors: readonly number[]): Points {
  let num = BigInt(points);
  let den = 1n;
  for (const f of factors) {
    num *= BigInt(f);
    den *= BigInt(ONE);
  }
  return roundDivBig(num, den);
}

/**
 * Formats points for display, rounding half-up to `decimals` places: 725000 → "72.50".
 */
export function formatPoints(p: Points, decimals: 2 | 4 = 2): string {
  const rounded = decimals === 4 ? p : roundDiv(p, 10 ** (SCALE - decimals)) * 10 ** (SCALE - decimals);
  const neg = rounded < 0;
  const abs = Math.abs(rounded);
  const int = Math.floor(abs / ONE);
  const frac = String(abs % ONE).padStart(SCALE, '0').slice(0, decimals);
  return `${neg ? '-' : ''}${int}.${frac}`;
}

/** Formats a fixed-point number with trailing zeros removed: 15000 → "1.5", 300000 → "30". */
export function formatDecimal(v: number): string {
  const abs = Math.abs(v);
  const int = Math.floor(abs / ONE);
  let frac = abs % ONE;
  const sign = v < 0 ? '-' : '';
  if (frac === 0) return `${sign}${int}`;
  let digits = SCALE;
  while (frac % 10 === 0) {
    frac /= 10;
    digits--;
  }
  return `${sign}${int}.${String(frac).padStart(digits, '0')}`;
}
