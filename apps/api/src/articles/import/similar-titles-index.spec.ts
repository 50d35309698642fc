import { normalizeTitle, SIMILARITY_THRESHOLD, titleSimilarity } from '../title-similarity';
import { SimilarTitlesIndex } from './similar-titles-index';

/** A small deterministic generator (mulberry32), so a failure reproduces. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PARTS = ['临江街道', '青石镇', '党建引领', '基层治理', '红色物业', '网格化', '志愿服务', '人才', '乡村振兴', '见行见效', '走深走实', '第', '篇', '一', '二', '三', '会', '课'];

describe('SimilarTitlesIndex', () => {
  it('finds exactly the titles titleSimilarity rates at or above the threshold', () => {
    const random = rng(7);
    const make = () => normalizeTitle(Array.from({ length: 1 + Math.floor(random() * 6) }, () => PARTS[Math.floor(random() * PARTS.length)]).join(''));
    const recorded = Array.from({ length: 400 }, (_, id) => ({ id, normalizedTitle: make() }));
    const index = new SimilarTitlesIndex(recorded);
    let compared = 0;
    for (let q = 0; q < 300; q++) {
      const query = make();
      const expected = recorded
        .map((r) => ({ id: r.id, similarity: titleSimilarity(query, r.normalizedTitle) }))
        .filter((r) => r.similarity >= SIMILARITY_THRESHOLD)
        .sort((a, b) => b.similarity - a.similarity || a.id - b.id);
      const found = index.search(query, SIMILARITY_THRESHOLD, recorded.length);
      expect(found.map((f) => f.id)).toEqual(expected.map((e) => e.id));
      found.forEach((f, i) => expect(f.similarity).toBeCloseTo(expected[i].similarity, 12));
      compared += expected.length;
    }
    // The generator must produce plenty of matches, or the comparison proves nothing.
    expect(compared).toBeGreaterThan(300);
  });

  it('handles repeated bigrams, one-character titles and titles it has never seen', () => {
    const index = new SimilarTitlesIndex([
      { id: 1, normalizedTitle: '哈哈哈哈' },
      { id: 2, normalizedTitle: '哈' },
      { id: 3, normalizedTitle: '临江街道党建' },
    ]);
    expect(index.search('哈哈哈', 0.6)).toEqual([{ id: 1, similarity: titleSimilarity('哈哈哈', '哈哈哈哈') }]);
    expect(index.search('哈', 0.6)).toEqual([{ id: 2, similarity: 1 }]);
    expect(index.search('完全不同的题目', 0.6)).toEqual([]);
    expect(index.search('', 0.6)).toEqual([]);
    expect(index.search('临江街道党建', 0.6, 1)).toEqual([{ id: 3, similarity: 1 }]);
  });
});
