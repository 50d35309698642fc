import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadSchemeText } from '../schemes/scheme-load';
import { itemKindsOf } from './item-kinds';

const load = (text: string) => {
  const r = loadSchemeText(text);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return r.scheme;
};

describe('itemKindsOf', () => {
  it('gives the kinds of the compiled format-2 catalogue, in order, with their flags', () => {
    const scheme = load(
      [
        'format: 2',
        'name: 事项测试',
        'adoption: { rows: [ { label: 媒体, when: { channel: media }, points: { all: 1 } } ] }',
        'items:',
        '  - { kind: 会议交流发言, points: { central: 100, provincial: 60, municipal: 40 } }',
        '  - { kind: 虚假信息, points: -3, voids: article, recordedBy: office }',
      ].join('\n'),
    );
    expect(itemKindsOf(scheme)).toEqual([
      { kind: '会议交流发言', name: '会议交流发言', recordedBy: 'unit', perLevel: true, voidsArticle: false },
      { kind: '虚假信息', name: '虚假信息', recordedBy: 'office', perLevel: false, voidsArticle: true },
    ]);
  });

  it.each([
    ['the standard preset', 'config/schemes/standard.yaml'],
    ['示例一 (no items section)', 'config/schemes/examples/example-1-value-tables.yaml'],
  ])('gives no kinds for %s', (_label, file) => {
    expect(itemKindsOf(load(fs.readFileSync(path.join(__dirname, '../../../..', file), 'utf8')))).toEqual([]);
  });

  it('reads 示例二\'s catalogue the way the engine scores it', () => {
    const scheme = load(fs.readFileSync(path.join(__dirname, '../../../../config/schemes/examples/example-2-start-deductions-caps.yaml'), 'utf8'));
    expect(itemKindsOf(scheme)).toEqual([{ kind: '虚假信息', name: '虚假信息', recordedBy: 'office', perLevel: false, voidsArticle: true }]);
  });
});
