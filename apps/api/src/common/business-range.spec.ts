import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IsBusinessDate, IsBusinessDateOrTime, IsBusinessMonth, IsBusinessQuarter } from './business-date';
import { businessRange, DEFAULT_BUSINESS_RANGE, setBusinessRange } from './business-range';
import { validationCode } from './validation';

class Dto {
  @IsBusinessDate() date?: string;
  @IsBusinessMonth() month?: string;
  @IsBusinessQuarter() quarter?: string;
  @IsBusinessDateOrTime() when?: string;
}

const VALID = { date: '2025-03-10', month: '2025-03', quarter: '2025-Q1', when: '2025-03-10T08:00:00Z' };
const failures = (patch: Partial<Dto>) => validateSync(plainToInstance(Dto, { ...VALID, ...patch }));
const constraints = (patch: Partial<Dto>) => failures(patch).flatMap((e) => Object.keys(e.constraints ?? {}));

describe('business date range', () => {
  afterEach(() => setBusinessRange({ ...DEFAULT_BUSINESS_RANGE }));

  it('runs from BUSINESS_DATE_MIN to Dec 31 of the current business year + BUSINESS_YEARS_AHEAD', () => {
    // 2026-12-31T16:30Z is already 2027-01-01 in Shanghai: the range end moves on with it.
    expect(businessRange(new Date('2026-12-31T16:30:00Z'))).toEqual({
      minDate: '2000-01-01', maxDate: '2037-12-31', minMonth: '2000-01', maxMonth: '2037-12', minQuarter: '2000-Q1', maxQuarter: '2037-Q4',
    });
    setBusinessRange({ minDate: '2010-05-20', yearsAhead: 0, timeZone: 'UTC' });
    expect(businessRange(new Date('2026-12-31T16:30:00Z'))).toMatchObject({ minDate: '2010-05-20', maxDate: '2026-12-31', minMonth: '2010-05', minQuarter: '2010-Q2', maxQuarter: '2026-Q4' });
  });

  it('accepts the valid values (so the refusals below can fail)', () => {
    expect(failures({})).toEqual([]);
  });

  it.each([
    [{ date: '0000-01-01' }, 'businessDateInRange'],
    [{ date: '1999-12-31' }, 'businessDateInRange'],
    [{ date: '9999-12-31' }, 'businessDateInRange'],
    [{ month: '0000-01' }, 'businessMonthInRange'],
    [{ month: '9999-12' }, 'businessMonthInRange'],
    [{ quarter: '0000-Q2' }, 'quarterInRange'],
    [{ quarter: '9999-Q4' }, 'quarterInRange'],
    [{ when: '0000-01-01T00:00:00Z' }, 'businessDateInRange'],
    [{ date: '2026-02-30' }, 'isBusinessDate'],
    [{ date: '2026-13-45' }, 'isBusinessDate'],
    [{ month: '2026-13' }, 'isBusinessMonth'],
    [{ quarter: '2026-Q5' }, 'isQuarter'],
    [{ when: '2026-02-30T10:00:00Z' }, 'isBusinessDate'],
    [{ when: '2026-01-01T24:00:00Z' }, 'isBusinessDate'],
    [{ when: '2026-01-01Tnonsense' }, 'isBusinessDate'],
  ])('%j fails only %s', (patch, constraint) => {
    expect(constraints(patch)).toEqual([constraint]);
  });

  it('follows the configured range', () => {
    setBusinessRange({ minDate: '2020-01-01', yearsAhead: 1, timeZone: 'Asia/Shanghai' });
    expect(constraints({ date: '2019-12-31' })).toEqual(['businessDateInRange']);
    expect(constraints({ quarter: '2019-Q4' })).toEqual(['quarterInRange']);
    expect(constraints({ date: '2020-01-01' })).toEqual([]);
  });

  it('says the allowed range in Chinese and answers with a stable code', () => {
    const errors = failures({ date: '0000-01-01' });
    const range = businessRange();
    expect(errors[0].constraints).toEqual({ businessDateInRange: `日期须在 2000-01-01 至 ${range.maxDate} 之间` });
    expect(validationCode(errors)).toBe('date_out_of_range');
    expect(validationCode(failures({ quarter: '9999-Q4' }))).toBe('quarter_out_of_range');
    expect(validationCode(failures({ month: '0000-01' }))).toBe('month_out_of_range');
    expect(validationCode(failures({ month: '0000-01', date: '2026-02-30' }))).toBe('validation_failed');
  });
});
