import type { ScoreLine } from '@app/scoring';
import { sharePercent } from './records-loader';
import { monthOfRecordId, toRow } from './score-ledger.repository';

describe('score ledger rows', () => {
  it.each([
    [10000, '100'],
    [6000, '60'],
    [4000, '40'],
    [3333, '33.33'],
    [3350, '33.5'],
    [5, '0.05'],
    [0, '0'],
  ])('share %i basis points is "%s" percent for the engine', (bp, text) => {
    expect(sharePercent(bp)).toBe(text);
  });

  const line = (over: Partial<ScoreLine>): ScoreLine => ({
    unitId: '7', quarter: '2023-Q2', amount: 33333, ruleId: 'placement', recordType: 'placement', recordId: '42', articleId: '9', date: '2023-05-10', explanation: '说明', ...over,
  });

  it('stores a placement line with integer ids', () => {
    expect(toRow(1, 3, line({}))).toEqual({
      officeId: 1, schemeVersionId: 3, quarter: '2023-Q2', unitId: 7, amount: 33333, ruleId: 'placement', recordType: 'placement', recordId: 42, articleId: 9, date: '2023-05-10', explanation: '说明', clause: null,
    });
  });

  it('stores a format-2 line with its clause; a per-period target line keeps the unit id as its record', () => {
    const row = toRow(1, 3, { ...line({ articleId: undefined }), ruleId: 'target', recordType: 'unit', recordId: '7|2023-05', clause: 'targets[0]' });
    expect(row).toMatchObject({ ruleId: 'target', recordType: 'unit', recordId: 7, articleId: null, clause: 'targets[0]' });
  });

  it('keeps a monthly report\'s month as YYYYMM and reads it back', () => {
    const row = toRow(1, 3, line({ ruleId: 'monthly-report.missing', recordType: 'monthly-report', recordId: '2023-06', articleId: undefined }));
    expect(row).toMatchObject({ recordId: 202306, articleId: null });
    expect(monthOfRecordId(row.recordId)).toBe('2023-06');
  });

  it('cuts an explanation to the 500 characters the column holds', () => {
    const row = toRow(1, 3, line({ explanation: '长'.repeat(600) }));
    expect(row.explanation).toHaveLength(500);
    expect(row.explanation.endsWith('…')).toBe(true);
  });
});
