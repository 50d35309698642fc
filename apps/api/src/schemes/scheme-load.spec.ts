import * as fs from 'node:fs';
import * as path from 'node:path';
import { diffDocuments, isFormat2Text, loadSchemeText, summarizeScheme } from './scheme-load';

const root = path.join(__dirname, '../../../..');
const STANDARD = fs.readFileSync(path.join(root, 'config/schemes/standard.yaml'), 'utf8');
const FORMAT1 = fs.readFileSync(path.join(root, 'test/fixtures/standard-format1.yaml'), 'utf8');

function loaded(text: string, outletCodes?: string[]) {
  const r = loadSchemeText(text, { outletCodes });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scheme;
}

describe('loadSchemeText: either format for the format-2 engine', () => {
  it('tells the formats apart, in YAML and in JSON', () => {
    expect(isFormat2Text(STANDARD)).toBe(true);
    expect(isFormat2Text(FORMAT1)).toBe(false);
    expect(isFormat2Text(JSON.stringify({ format: 2, name: 'x' }))).toBe(true);
    expect(isFormat2Text('format: 2\nname: [')).toBe(true);
  });

  it('loads today\'s format converted, with the same summary and document as the format-2 preset', () => {
    const [old, now] = [loaded(FORMAT1), loaded(STANDARD)];
    expect([old.format, now.format]).toEqual([1, 2]);
    expect(old.document).toEqual(now.document);
    expect({ ...summarizeScheme(old), format: 2 }).toEqual(summarizeScheme(now));
    expect(diffDocuments(old, now)).toEqual([old.document, now.document]);
    expect(diffDocuments(old, old)).toEqual([old.written, old.written]);
  });

  it('refuses outlets the office does not have, in rows, bonuses and outlet factors of format 2', () => {
    const text = `format: 2
name: 外部媒体
adoption:
  rows:
    - { label: 指定媒体, when: [{ outlet: [RMRB, NOPE1] }], points: 5 }
    - { label: 其他, points: 1 }
  factors: { outlet: { NOPE2: 2 } }
bonuses:
  - { label: 加分, when: { outlet: NOPE3 }, points: 1 }
`;
    const r = loadSchemeText(text, { outletCodes: ['RMRB'] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => [e.path, e.code])).toEqual([
      ['adoption.rows[0].when[0].outlet', 'unknown_outlet'],
      ['bonuses[0].when.outlet', 'unknown_outlet'],
      ['adoption.factors.outlet.NOPE2', 'unknown_outlet'],
    ]);
    expect(loadSchemeText(text).ok).toBe(true);
  });

  it('keeps today\'s error paths for a broken format-1 text', () => {
    const r = loadSchemeText(FORMAT1.replace('front: 1.5', 'front: -1.5'));
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual(['multipliers.prominence.front']);
  });
});
