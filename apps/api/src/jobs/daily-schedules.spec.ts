import 'reflect-metadata';
import { Clock } from '../common/clock';
import type { AppConfig } from '../config/app-config';
import { DailySchedules } from './daily-schedules';
import { DailyJob } from './job-handler.decorator';
import type { JobDriver } from './job-driver';
import { JobRegistryError, findDailyJobs, type JobRegistry } from './job-registry';

class PinnedClock extends Clock {
  at = '2026-03-01T02:00:00Z';
  override now() {
    return new Date(this.at);
  }
}

class Reminders {
  queued: string[] = [];
  failNext = false;

  @DailyJob('reminders.send', { cron: '0 8 * * *', firstCheckAfterMs: 60_000 })
  async enqueueDaily(date: string) {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('queue down');
    }
    this.queued.push(date);
  }
}

function setup() {
  const reminders = new Reminders();
  const clock = new PinnedClock('Asia/Shanghai');
  const daily = findDailyJobs([reminders]);
  const registry = { dailyJobs: () => daily } as unknown as JobRegistry;
  const config = { role: 'all', business: { timeZone: 'Asia/Shanghai' } } as AppConfig;
  const sut = new DailySchedules(registry, { mode: 'inline' } as JobDriver, clock, config);
  return { sut, mocks: { reminders, clock } };
}

describe('DailySchedules', () => {
  it('queues a daily job once per business date, however often it is checked', async () => {
    const { sut, mocks } = setup();
    await sut.runToday('reminders.send');
    await sut.runToday('reminders.send');
    // 16:30 UTC is already the next day in Asia/Shanghai.
    mocks.clock.at = '2026-03-01T16:30:00Z';
    await sut.runToday('reminders.send');
    expect(mocks.reminders.queued).toEqual(['2026-03-01', '2026-03-02']);
  });

  it('tries again at the next check after a failure to queue, without throwing', async () => {
    const { sut, mocks } = setup();
    mocks.reminders.failNext = true;
    await expect(sut.runToday('reminders.send')).resolves.toBeUndefined();
    expect(mocks.reminders.queued).toEqual([]);
    await sut.runToday('reminders.send');
    expect(mocks.reminders.queued).toEqual(['2026-03-01']);
  });

  it('refuses a name that no @DailyJob declares', async () => {
    const { sut } = setup();
    await expect(sut.runToday('quarters.tick')).rejects.toThrow('no daily job declared as quarters.tick');
  });

  it('a daily job declared twice stops the start', () => {
    class Copy {
      @DailyJob('reminders.send', { cron: '0 9 * * *', firstCheckAfterMs: 1000 })
      async again() {}
    }
    expect(() => findDailyJobs([new Reminders(), new Copy()])).toThrow(JobRegistryError);
  });
});
