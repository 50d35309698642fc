import { SIMILARITY_THRESHOLD, normalizeTitle, titleSimilarity } from './title-similarity';

describe('normalizeTitle', () => {
  it.each([
    ['临江街道：“三个一”工作法 激活基层治理', '临江街道三个一工作法激活基层治理'],
    ['ＡＢＣ１２３　党建', 'abc123党建'],
    ['《组工信息》刊发 —— 青石镇经验！', '组工信息刊发青石镇经验'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeTitle(input)).toBe(expected);
  });
});

describe('titleSimilarity', () => {
  it('is 1 for titles that differ only in punctuation and width', () => {
    expect(titleSimilarity(normalizeTitle('临江街道：“红色物业”暖民心'), normalizeTitle('临江街道“红色物业”暖民心！'))).toBe(1);
  });

  it('flags a lightly edited title and not an unrelated one', () => {
    const base = normalizeTitle('青石镇打造“家门口”就业服务站');
    expect(titleSimilarity(base, normalizeTitle('青石镇打造家门口就业服务站点'))).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
    expect(titleSimilarity(base, normalizeTitle('区卫健委开展义诊进社区活动'))).toBeLessThan(SIMILARITY_THRESHOLD);
  });

  it('counts shared bigrams (Dice): "abcd" vs "abce" share ab, bc of 3 + 3', () => {
    expect(titleSimilarity('abcd', 'abce')).toBeCloseTo((2 * 2) / 6, 10);
  });
});
