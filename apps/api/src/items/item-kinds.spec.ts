import { itemKindsOf } from './item-kinds';

describe('itemKindsOf', () => {
  it('reads the kinds of a format-2 `items:` list with their flags', () => {
    const document = [
      'total: { start: 10 }',
      'items:',
      '  - { kind: 会议交流发言, points: { central: 100, provincial: 60, municipal: 40 } }',
      '  - { kind: 虚假信息, name: 报送虚假信息, points: -3, voids: article, recordedBy: office }',
      '  - { points: 1 }',
      '  - { kind: 会议交流发言, points: 1 }',
    ].join('\n');
    expect(itemKindsOf(document)).toEqual([
      { kind: '会议交流发言', name: '会议交流发言', recordedBy: 'unit', perLevel: true, voidsArticle: false },
      { kind: '虚假信息', name: '报送虚假信息', recordedBy: 'office', perLevel: false, voidsArticle: true },
    ]);
  });

  it.each([
    ['a document without items', 'name: 标准\nbase: {}'],
    ['items that is not a list', 'items: { kind: x }'],
    ['a document that is not YAML', 'items: [ {'],
    ['an empty document', ''],
  ])('gives no kinds for %s', (_label, document) => {
    expect(itemKindsOf(document)).toEqual([]);
  });
});
