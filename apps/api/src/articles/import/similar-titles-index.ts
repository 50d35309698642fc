import { SIMILARITY_THRESHOLD } from '../title-similarity';

export interface TitleEntry {
  id: number;
  normalizedTitle: string;
}

/**
 * A title as a set of tokens: each character bigram with its occurrence number ('街道' the
 * first time, '街道' the second time…), so that the overlap of two token sets is the multiset
 * overlap titleSimilarity counts. A one-character title is its character, as there. Tokens
 * are numbers (code points and occurrence packed below 2^53), not strings: building the index
 * of a city's 150,000 titles made millions of short strings.
 */
const CODE_POINTS = 0x110000;
/** Occurrences fit below this (titles are at most 200 characters), so tokens stay distinct. */
const OCCURRENCES = 1024;
function tokens(s: string): number[] {
  const chars: number[] = [];
  for (const c of s) chars.push(c.codePointAt(0)!);
  if (chars.length === 1) return [chars[0] * CODE_POINTS * OCCURRENCES + 1];
  const seen = new Map<number, number>();
  const out: number[] = [];
  for (let i = 0; i < chars.length - 1; i++) {
    const g = chars[i] * CODE_POINTS + chars[i + 1] + 1;
    const n = (seen.get(g) ?? 0) + 1;
    seen.set(g, n);
    out.push(g * OCCURRENCES + n); // < 2^41 × 2^10, exact in a double
  }
  return out;
}

/**
 * The same Dice coefficient as titleSimilarity, for many titles at once. Comparing every
 * imported title with every recorded one is quadratic (10,000 × 10,000); instead each query
 * probes an inverted index with only its rarest tokens: a title sharing at least the
 * overlap the threshold demands must share one of them (prefix filtering), so nothing
 * similar is missed, and the common bigrams of unit names and set phrases are walked only
 * when that is cheaper than comparing the candidates one by one.
 */
export class SimilarTitlesIndex {
  private readonly tokenIds = new Map<number, number>();
  private readonly postings: Int32Array[];
  private readonly entryTokens: Int32Array[] = [];
  private readonly lengths: Int32Array;
  /** Scratch space, one slot per recorded title: hit counts (back to zero after each search) and the titles touched. */
  private readonly hits: Int32Array;
  private readonly touched: Int32Array;

  constructor(private readonly entries: TitleEntry[]) {
    const building: number[][] = [];
    entries.forEach((entry, index) => {
      const ids = tokens(entry.normalizedTitle).map((t) => {
        let id = this.tokenIds.get(t);
        if (id === undefined) {
          id = building.length;
          this.tokenIds.set(t, id);
          building.push([]);
        }
        building[id].push(index);
        return id;
      });
      this.entryTokens.push(Int32Array.from(ids).sort());
    });
    this.postings = building.map((list) => Int32Array.from(list));
    this.lengths = Int32Array.from(this.entryTokens, (t) => t.length);
    this.hits = new Int32Array(entries.length);
    this.touched = new Int32Array(entries.length);
  }

  /** Recorded titles at least `threshold` similar to `normalizedTitle`, most similar first. */
  search(normalizedTitle: string, threshold = SIMILARITY_THRESHOLD, limit = 3): { id: number; similarity: number }[] {
    const query = tokens(normalizedTitle);
    const size = query.length;
    if (size === 0) return [];
    // Dice ≥ t needs an overlap ≥ t·|x|/(2−t) whatever the other title's length; a title
    // sharing none of the query's first size − minOverlap + 1 tokens shares too few.
    const minOverlap = Math.max(1, Math.ceil((threshold * size) / (2 - threshold) - 1e-9));
    const known = query.map((t) => this.tokenIds.get(t)).filter((id): id is number => id !== undefined);
    const unknown = size - known.length;
    known.sort((a, b) => this.postings[a].length - this.postings[b].length);
    const probe = known.slice(0, Math.max(0, size - minOverlap + 1 - unknown));
    const mine = Int32Array.from(known).sort();

    // Count each recorded title's hits among the probed tokens (exact: tokens are unique).
    // Plain locals and typed arrays: this loop runs millions of times on a large import.
    const { postings, lengths, entryTokens, touched } = this;
    const counts = this.hits;
    let touchedCount = 0;
    for (const token of probe) {
      const list = postings[token];
      for (let k = 0; k < list.length; k++) {
        const index = list[k];
        if (counts[index]++ === 0) touched[touchedCount++] = index;
      }
    }
    // Only a title whose hits plus every unprobed token could reach the threshold is a candidate.
    const rest = known.slice(probe.length);
    let candidateCount = 0;
    for (let k = 0; k < touchedCount; k++) {
      const index = touched[k];
      // Candidates are kept at the front of `touched`, behind the cursor: no second array.
      if (2 * (counts[index] + rest.length) >= threshold * (size + lengths[index]) - 1e-9) {
        touched[k] = touched[candidateCount];
        touched[candidateCount++] = index;
      }
    }
    // Finish the overlap the cheaper way: walk the unprobed tokens' postings (many
    // candidates), or compare each candidate's tokens with the query's (few candidates).
    let scan = 0;
    for (const token of rest) scan += postings[token].length;
    const scanning = scan < candidateCount * (size + 16);
    if (scanning) {
      for (const token of rest) {
        const list = postings[token];
        for (let k = 0; k < list.length; k++) if (counts[list[k]] > 0) counts[list[k]]++;
      }
    }
    const hits: { id: number; similarity: number }[] = [];
    for (let k = 0; k < candidateCount; k++) {
      const index = touched[k];
      const shared = scanning ? counts[index] : overlap(mine, entryTokens[index]);
      const similarity = (2 * shared) / (size + lengths[index]);
      if (similarity >= threshold) hits.push({ id: this.entries[index].id, similarity });
    }
    for (let k = 0; k < touchedCount; k++) counts[touched[k]] = 0;
    return hits.sort((a, b) => b.similarity - a.similarity || a.id - b.id).slice(0, limit);
  }
}

/** Size of the intersection of two sorted id arrays. */
function overlap(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}
