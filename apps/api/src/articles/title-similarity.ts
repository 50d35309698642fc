/**
 * Duplicate detection compares titles after normalising what people type differently:
 * punctuation, spaces, full-width vs half-width letters and digits, case.
 */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKC') // full-width Ａ１ → A1, full-width space → space
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '')
    .slice(0, 200);
}

function bigrams(s: string): Map<string, number> {
  const grams = new Map<string, number>();
  const chars = [...s];
  if (chars.length === 1) grams.set(chars[0], 1);
  for (let i = 0; i < chars.length - 1; i++) {
    const g = chars[i] + chars[i + 1];
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Dice coefficient over character bigrams of two normalised titles (1 = same). */
export function titleSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  let overlap = 0;
  let total = 0;
  for (const [g, n] of x) {
    overlap += Math.min(n, y.get(g) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total === 0 ? 0 : (2 * overlap) / total;
}

/** Titles at least this similar are shown as possible duplicates. */
export const SIMILARITY_THRESHOLD = 0.6;
