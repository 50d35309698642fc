import { cellMonth, cellTime } from './history-cells';

const ZONE = 'Asia/Shanghai';

describe('cellTime', () => {
  it.each([
    // [cell, date, time, UTC instant] — wall clock in Beijing time, 8 hours ahead of UTC
    ['2025-04-05 23:50', '2025-04-05', '23:50', '2025-04-05T15:50:00.000Z'],
    ['2025年4月5日 8:05', '2025-04-05', '08:05', '2025-04-05T00:05:00.000Z'],
    ['2025/4/5', '2025-04-05', '00:00', '2025-04-04T16:00:00.000Z'],
    [new Date(Date.UTC(2025, 3, 5, 23, 50)), '2025-04-05', '23:50', '2025-04-05T15:50:00.000Z'],
    [45752 + 0.5, '2025-04-05', '12:00', '2025-04-05T04:00:00.000Z'],
  ])('reads %p as %s %s (%s)', (cell, date, time, instant) => {
    const read = cellTime(cell, ZONE);
    expect(read).toEqual({ ok: true, value: { date, time, instant: new Date(instant) } });
  });

  it('is null for an empty cell and refuses what is not a time', () => {
    expect(cellTime(null, ZONE)).toBeNull();
    expect(cellTime('下周一', ZONE)).toMatchObject({ ok: false });
    expect(cellTime('2025-04-05 25:10', ZONE)).toMatchObject({ ok: false, message: expect.stringContaining('0–23') });
  });
});

describe('cellMonth', () => {
  it.each([
    ['2025-03', '2025-03'],
    ['2025年3月', '2025-03'],
    ['2025/3', '2025-03'],
    [new Date(Date.UTC(2025, 2, 17)), '2025-03'],
  ])('reads %p as %s', (cell, month) => {
    expect(cellMonth(cell)).toEqual({ ok: true, value: month });
  });

  it('refuses a month that does not exist', () => {
    expect(cellMonth('2025-13')).toMatchObject({ ok: false });
    expect(cellMonth('')).toBeNull();
  });
});
