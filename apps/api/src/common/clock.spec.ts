import { Clock } from './clock';

describe('Clock', () => {
  afterEach(() => jest.useRealTimers());

  it.each([
    ['2025-03-04T20:00:00Z', 'Asia/Shanghai', '2025-03-05', '2025-03'],
    ['2025-03-04T20:00:00Z', 'UTC', '2025-03-04', '2025-03'],
    ['2025-03-31T15:59:59Z', 'Asia/Shanghai', '2025-03-31', '2025-03'],
    ['2025-03-31T16:00:00Z', 'Asia/Shanghai', '2025-04-01', '2025-04'],
  ])('at %s in %s, today is %s and the month %s', (instant, zone, today, month) => {
    jest.useFakeTimers({ now: new Date(instant) });
    const sut = new Clock(zone);
    expect(sut.now().toISOString()).toBe(new Date(instant).toISOString());
    expect(sut.today()).toBe(today);
    expect(sut.month()).toBe(month);
  });
});
