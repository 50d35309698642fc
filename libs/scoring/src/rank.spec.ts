import { unit } from '../test/fixtures';
import { OVERALL_GROUP_ID, rankUnits } from './rank';
import type { TieRule } from './types';

describe('rankUnits', () => {
  // Codes chosen so that code order differs from id order: B has code U03, C has code U02.
  const units = [unit('A', 'g1', 'U01'), unit('B', 'g1', 'U03'), unit('C', 'g2', 'U02'), unit('D', 'g2', 'U04'), unit('E', 'g2', 'U05')];
  const totalsByUnit = new Map([['A', 1000000], ['B', 800000], ['C', 800000], ['D', 500000]]);

  it.each<[TieRule, [string, number][]]>([
    ['competition', [['A', 1], ['C', 2], ['B', 2], ['D', 4], ['E', 5]]],
    ['dense', [['A', 1], ['C', 2], ['B', 2], ['D', 3], ['E', 4]]],
  ])('overall, %s ranking (ties by unit code; E has no total = 0)', (tieRule, expected) => {
    const { overall } = rankUnits(units, totalsByUnit, tieRule);
    expect(overall.groupId).toBe(OVERALL_GROUP_ID);
    expect(overall.rows.map((r) => [r.unitId, r.rank])).toEqual(expected);
  });

  it.each([
    ['g1', [['A', 1], ['B', 2]]],
    ['g2', [['C', 1], ['D', 2], ['E', 3]]],
  ])('within group %s', (groupId, expected) => {
    const table = rankUnits(units, totalsByUnit).groups.find((g) => g.groupId === groupId);
    expect(table?.groupName).toBe(`组${groupId}`);
    expect(table?.rows.map((r) => [r.unitId, r.rank])).toEqual(expected);
  });

  it('ties at the top share rank 1 and the next rank is 3 (competition)', () => {
    const { overall } = rankUnits(units.slice(0, 3), new Map([['A', 5], ['B', 5], ['C', 1]]));
    expect(overall.rows.map((r) => [r.code, r.rank, r.total])).toEqual([['U01', 1, 5], ['U03', 1, 5], ['U02', 3, 1]]);
  });
});
