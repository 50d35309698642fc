import type { NoticeLevel } from './notice-data';
import { ADOPTION_LIST_LIMIT, adoptionGroups, listedAdoptionLevels, omittedAdoptionLevels, omittedAdoptionsText } from './notice-tables';
import { bulkNoticeFixture, noticeFixture } from './testing/notice-fixtures';

const counts = (central: number, provincial: number, municipal: number, district: number): Record<NoticeLevel, number> => ({ central, provincial, municipal, district });

describe('which levels 附件2 lists row by row', () => {
  it('has a limit of 300 rows', () => {
    expect(ADOPTION_LIST_LIMIT).toBe(300);
  });

  it.each([
    ['a district quarter: everything', counts(1, 3, 3, 5), ['central', 'provincial', 'municipal', 'district'], []],
    ['exactly the limit: everything', counts(10, 40, 100, 150), ['central', 'provincial', 'municipal', 'district'], []],
    ['one over, all in the lowest level', counts(0, 0, 0, 301), ['central', 'provincial', 'municipal'], [['district', 301]]],
    ['one over, the lowest level has one row', counts(100, 100, 100, 1), ['central', 'provincial', 'municipal'], [['district', 1]]],
    ['a city quarter: the upper levels', counts(40, 120, 400, 1200), ['central', 'provincial'], [['municipal', 400], ['district', 1200]]],
    ['central alone is too many: nothing', counts(301, 5, 5, 5), [], [['central', 301], ['provincial', 5], ['municipal', 5], ['district', 5]]],
    // a lower level that would fit is not listed once a higher one was left out
    ['never skips a level', counts(0, 400, 10, 0), ['central'], [['provincial', 400], ['municipal', 10]]],
  ] as const)('%s', (_, given, listed, omitted) => {
    expect(listedAdoptionLevels(given)).toEqual(listed);
    expect(omittedAdoptionLevels(given)).toEqual(omitted.map(([level, count]) => ({ level, count })));
  });

  it('takes the limit as a parameter', () => {
    expect(listedAdoptionLevels(counts(1, 2, 3, 4), 3)).toEqual(['central', 'provincial']);
    expect(listedAdoptionLevels(counts(1, 2, 3, 4), 0)).toEqual([]);
  });
});

describe('the sentence under 附件2 for the levels not listed', () => {
  it('names the omitted levels with grouped counts after a listed table', () => {
    const omitted = [
      { level: 'municipal' as const, count: 5210 },
      { level: 'district' as const, count: 30112 },
    ];
    expect(omittedAdoptionsText(omitted, true)).toBe('另有市级录用5,210篇次、区级录用30,112篇次，明细见电子表格版附件2（录用情况一览表）。');
  });

  it('gives the total and each level when nothing could be listed', () => {
    const omitted = [
      { level: 'central' as const, count: 2400 },
      { level: 'provincial' as const, count: 5600 },
      { level: 'municipal' as const, count: 12000 },
      { level: 'district' as const, count: 20000 },
    ];
    expect(omittedAdoptionsText(omitted, false)).toBe(
      '本季度共录用40,000篇次（中央级2,400篇次、省级5,600篇次、市级12,000篇次、区级20,000篇次），条目较多，不逐条列出，明细见电子表格版附件2（录用情况一览表）。',
    );
    expect(omittedAdoptionsText([{ level: 'district', count: 412 }], false)).toBe('本季度录用均为区级，共412篇次，条目较多，不逐条列出，明细见电子表格版附件2（录用情况一览表）。');
  });

  it('says nothing when every level is listed, or for documents stored before the list was bounded', () => {
    expect(omittedAdoptionsText([], true)).toBeNull();
    expect(omittedAdoptionsText(undefined, true)).toBeNull();
  });
});

describe('adoptionGroups', () => {
  it('lists only the levels not marked as omitted, each in full', () => {
    const { data } = bulkNoticeFixture();
    expect(adoptionGroups(data).map((g) => [g.caption, g.rows.length])).toEqual([
      ['中央级（40篇次）', 40],
      ['省级（120篇次）', 120],
    ]);
    // even if a caller left rows of an omitted level in the data, no part of that level is printed
    const leaky = { ...noticeFixture(), adoptionsOmitted: [{ level: 'district' as const, count: 5 }] };
    expect(adoptionGroups(leaky).map((g) => g.level)).toEqual(['central', 'provincial', 'municipal']);
  });
});
