import { cellCount, cellDate, cellText, cellUrl } from './sheet-cells';

describe('sheet cells', () => {
  it.each([
    ['a date cell', new Date('2023-04-10T00:00:00Z'), '2023-04-10'],
    ['a date cell with a time of day', new Date('2023-04-10T23:30:00Z'), '2023-04-10'],
    ['an Excel serial (1900 system)', 45026, '2023-04-10'],
    ['a serial with a time fraction', 45026.75, '2023-04-10'],
    ['the serial of 2000-03-01', 36586, '2000-03-01'],
    ['a serial typed as text', '45026', '2023-04-10'],
    ['a number written without separators', 20230410, '2023-04-10'],
    ['ISO text', '2023-04-10', '2023-04-10'],
    ['slashes, no padding', '2023/4/10', '2023-04-10'],
    ['dots', '2023.4.10', '2023-04-10'],
    ['Chinese', '2023年4月10日', '2023-04-10'],
    ['Chinese without 日', '2023年4月10', '2023-04-10'],
    ['full-width digits', '２０２３－０４－１０', '2023-04-10'],
    ['text with a time', '2023-04-10 09:30', '2023-04-10'],
    ['a formula result', { formula: 'DATE(2023,4,10)', result: new Date('2023-04-10T00:00:00Z') }, '2023-04-10'],
  ])('reads %s', (_, value, expected) => {
    expect(cellDate(value as never)).toEqual({ ok: true, value: expected });
  });

  it('reads serials in the 1904 system when the workbook says so', () => {
    // 1904-01-01 + 43564 days = 2023-04-10
    expect(cellDate(43564, true)).toEqual({ ok: true, value: '2023-04-10' });
  });

  it.each([
    ['a day that does not exist', '2023-02-30', '日期「2023-02-30」无法识别'],
    ['a month 13', '2023/13/1', '无法识别'],
    ['words', '上周五', '无法识别'],
    ['a bare year read as a serial (1905)', 2023, '早于 2000-01-01'],
  ])('refuses %s', (_, value, message) => {
    const parsed = cellDate(value as never);
    expect(parsed).toMatchObject({ ok: false });
    expect((parsed as { message: string }).message).toContain(message);
  });

  it('treats an empty cell as no date', () => {
    expect(cellDate(null)).toBeNull();
    expect(cellDate('  ')).toBeNull();
  });

  it('reads word counts as numbers or text', () => {
    expect(cellCount(1800)).toEqual({ ok: true, value: 1800 });
    expect(cellCount('1,800')).toEqual({ ok: true, value: 1800 });
    expect(cellCount('1800字')).toEqual({ ok: true, value: 1800 });
    expect(cellCount(null)).toBeNull();
    expect(cellCount(12.5)).toMatchObject({ ok: false });
    expect(cellCount('约两千')).toMatchObject({ ok: false });
  });

  it('shows rich text, links and formulas as their text, and links by their target', () => {
    expect(cellText({ richText: [{ text: '临江' }, { text: '街道 ' }] })).toBe('临江街道');
    expect(cellText({ formula: 'A1', result: 42 })).toBe('42');
    expect(cellText(new Date('2023-04-10T00:00:00Z'))).toBe('2023-04-10');
    const link = { text: '原文', hyperlink: 'https://example.com/a' };
    expect(cellText(link)).toBe('原文');
    expect(cellUrl(link)).toBe('https://example.com/a');
    expect(cellUrl(' https://example.com/b ')).toBe('https://example.com/b');
  });
});
