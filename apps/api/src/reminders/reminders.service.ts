import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { UrgeResult } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { AppError, conflict } from '../common/app-error';
import { addMonths, monthDueDate } from '../common/business-date';
import { OfficeSettingsReader } from '../offices/office-settings.reader';
import { Clock } from '../common/clock';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import type { JobPayloads } from '../jobs/job.types';
import { JobsService, toJobResponse } from '../jobs/jobs.service';
import { DailyJob, JobHandler } from '../jobs/job-handler.decorator';
import { NotificationsService } from '../notifications/notifications.service';
import { UnitOfWork } from '../database/unit-of-work';
import type { NotificationDelivery } from './notification-delivery.entity';
import { RemindersRepository } from './reminders.repository';
import { DeliveryError, ReminderTransports } from './reminder-transports';

/** Cron of the daily reminders in Bull mode (08:00 in the business zone, when people are at work). */
export const DAILY_REMINDER_CRON = '0 8 * * *';

/** One thing one unit should do, told once (its key) to the unit's officers and reviewers. */
interface Reminder {
  unitId: number;
  kind: string;
  title: string;
  link: string;
  key: string;
  /** What the reminders of one sort share: the robots get one line per group naming the units. */
  group: string;
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
const ROBOT_BODY_MAX = 1500;
const STALE_AFTER_DAYS = 7;

/**
 * Reminders (the `reminders.send` job): monthly reports due in REMINDER_DAYS_BEFORE days or
 * overdue, 约稿 deadlines near, and the office's 催报. Each becomes an in-app message to the
 * unit's people and, when configured, an e-mail to each of them with an address and a line in
 * the next message to the 企业微信/钉钉 group robots. Everything to send is first written to
 * notification_deliveries (keyed, so a reminder goes out once however often the job runs),
 * then sent; a failure is stored with its reason and rethrown so the job is retried.
 */
@Injectable()
export class RemindersService {
  private readonly transports: ReminderTransports;

  constructor(
    private readonly repo: RemindersRepository,
    private readonly uow: UnitOfWork,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly settings: OfficeSettingsReader,
  ) {
    this.transports = new ReminderTransports(config.reminders, () => this.clock.now().getTime());
  }

  /**
   * Queues the day's run for every office, keyed by office and date. In-process the first check
   * comes a minute after start (a server that was off in the morning catches up; not sooner, so
   * a start-up is not slowed).
   */
  @DailyJob('reminders.send', { cron: DAILY_REMINDER_CRON, firstCheckAfterMs: 60_000 })
  async enqueueDaily(date: string): Promise<void> {
    for (const officeId of await this.repo.officeIds()) {
      await this.jobs.enqueue('reminders.send', { officeId, date }, { businessKey: `daily:${officeId}:${date}`, officeId });
    }
  }

  /** 催报: reminds now every unit still missing `month`'s report (default: the report due this month). */
  async urge(user: AuthUser, month?: string): Promise<UrgeResult> {
    const date = this.clock.today();
    const target = month ?? addMonths(date.slice(0, 7), -1);
    if (target > date.slice(0, 7)) {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'future_month', '不能催报未来月份的月报', { month: `${target} 尚未到来` });
    }
    const missing = await this.repo.unitsMissingReport(this.uow.manager, user.officeId, target);
    if (missing.length === 0) throw conflict('nothing_to_urge', `各单位均已报送 ${target} 月报，无需催报`);
    const job = await this.jobs.enqueue('reminders.send', { officeId: user.officeId, date, urgeMonth: target }, {
      businessKey: `urge:${user.officeId}:${target}:${date}`, officeId: user.officeId, createdBy: user.id,
    });
    return { month: target, dueDate: await this.dueDate(user.officeId, target), units: missing.length, job: toJobResponse(job) };
  }

  /** The job: records what is new as messages and deliveries (one transaction), then sends what is pending. */
  @JobHandler('reminders.send')
  async run(payload: JobPayloads['reminders.send']): Promise<{ reminders: number; sent: number }> {
    const { officeId, date } = payload;
    const fresh = await this.uow.run(async (tx) => {
      const reminders = payload.urgeMonth ? await this.urgeReminders(tx, officeId, payload.urgeMonth, date) : await this.dueReminders(tx, officeId, date);
      return this.record(tx, officeId, reminders);
    });
    const sent = await this.deliverPending(officeId);
    return { reminders: fresh, sent };
  }

  /** Due date of `month`'s report under the office's own due day (offices.settings), else the deployment's. */
  private async dueDate(officeId: number, month: string): Promise<string> {
    return monthDueDate(month, (await this.settings.forOffice(officeId)).monthlyReportDueDay);
  }

  private async urgeReminders(tx: EntityManager, officeId: number, month: string, date: string): Promise<Reminder[]> {
    const due = await this.dueDate(officeId, month);
    const title = due < date ? `办公室催报：${month} 月报已于 ${due} 截止，请尽快报送` : `办公室催报：${month} 月报请于 ${due} 前报送`;
    return (await this.repo.unitsMissingReport(tx, officeId, month)).map((u) => ({
      unitId: u.id, kind: 'monthly-urge', title, link: '/monthly-report', key: `urge:${month}:${date}:unit${u.id}`, group: `${month} 月报尚未报送`,
    }));
  }

  /** What is due on `date`: the reports due within the window or overdue (last month's), 约稿 deadlines within the window. */
  private async dueReminders(tx: EntityManager, officeId: number, date: string): Promise<Reminder[]> {
    const window = this.config.reminders.daysBefore;
    const reminders: Reminder[] = [];
    const current = date.slice(0, 7);
    for (const month of [addMonths(current, -1), current]) {
      const due = await this.dueDate(officeId, month);
      const left = daysBetween(date, due);
      if (left > window || (left < 0 && month === current)) continue;
      const overdue = left < 0;
      const title = overdue ? `${month} 月报已于 ${due} 截止，尚未报送，请尽快报送` : left === 0 ? `${month} 月报今天（${due}）截止，请及时报送` : `${month} 月报将于 ${due} 截止（还有 ${left} 天），请及时报送`;
      for (const unit of await this.repo.unitsMissingReport(tx, officeId, month)) {
        reminders.push({
          unitId: unit.id, kind: overdue ? 'monthly-overdue' : 'monthly-due', title, link: '/monthly-report',
          key: `${overdue ? 'monthly-overdue' : 'monthly-due'}:${month}:unit${unit.id}`,
          group: overdue ? `${month} 月报已逾期未报` : `${month} 月报 ${due} 截止，尚未报送`,
        });
      }
    }
    const until = new Date(Date.parse(`${date}T00:00:00Z`) + window * DAY_MS).toISOString().slice(0, 10);
    const targets = await this.repo.unansweredTargetsDue(tx, officeId, date, until);
    for (const t of targets) {
      const c = t.commission!;
      const left = daysBetween(date, c.deadline);
      reminders.push({
        unitId: t.unitId, kind: 'commission-due', link: '/commissions/inbox', key: `commission-due:${c.id}:unit${t.unitId}`,
        title: left === 0 ? `约稿《${c.topic}》今天截止，请及时报送稿件` : `约稿《${c.topic}》将于 ${c.deadline} 截止（还有 ${left} 天），请及时报送稿件`,
        group: `约稿《${c.topic}》${c.deadline} 截止，尚未报送`,
      });
    }
    return reminders;
  }

  /**
   * Writes the reminders not told before as in-app messages and their deliveries: an e-mail to
   * each person with an address, and a row per group robot (sent together as one message, see
   * deliverPending). A reminder counts as told once anyone or any robot has it. Returns how many were new.
   */
  private async record(tx: EntityManager, officeId: number, reminders: Reminder[]): Promise<number> {
    const robots = this.transports.robots();
    const names = await this.repo.unitNames(tx, officeId);
    const deliveries: Partial<NotificationDelivery>[] = [];
    let fresh = 0;
    for (const r of reminders) {
      if (await this.told(tx, officeId, r.key, robots)) continue;
      const recipients = await this.notifications.notifyUnits(officeId, [r.unitId], { kind: r.kind, title: r.title, link: r.link, dedupeKey: r.key }, tx);
      if (recipients.length === 0 && robots.length === 0) continue;
      fresh++;
      const emails = this.transports.emailEnabled ? new Set(recipients.map((p) => p.email).filter((e): e is string => !!e)) : new Set<string>();
      for (const email of emails) {
        deliveries.push({ officeId, channel: 'email', recipient: email, dedupeKey: `email:${r.key}:${email}`.slice(0, 160), subject: `【宣传信息计分系统】${r.title}`.slice(0, 200), body: this.mailBody(r) });
      }
      for (const robot of robots) {
        deliveries.push({ officeId, channel: robot, recipient: 'group', dedupeKey: `${robot}:${r.key}`, subject: r.group.slice(0, 200), body: names.get(r.unitId) ?? `单位${r.unitId}` });
      }
    }
    await this.repo.insertDeliveries(tx, deliveries);
    return fresh;
  }

  private async told(tx: EntityManager, officeId: number, key: string, robots: string[]): Promise<boolean> {
    if (await this.notifications.wasSent(officeId, key, tx)) return true;
    return robots.length > 0 && this.repo.hasDelivery(tx, officeId, robots.map((robot) => `${robot}:${key}`));
  }

  private mailBody(r: Reminder): string {
    const origin = this.config.http.publicOrigins[0];
    return `${r.title}\n\n请登录宣传信息计分系统处理${origin ? `：${origin}${r.link}` : '。'}\n\n（本邮件由系统自动发送，请勿回复）`;
  }

  /**
   * Sends the office's pending deliveries: each e-mail on its own, each robot's rows together as
   * one message (robots take about 20 messages a minute). Rows are claimed first (attempts moves
   * on only if no other worker moved it), so two runs at once never send one twice. Failures are
   * kept with their reason and thrown together: the job is retried and shows why on the jobs
   * page. Returns how many messages went out.
   */
  async deliverPending(officeId: number): Promise<number> {
    // A reminder that could not go out for a week is stale (the date it named has passed): left unsent.
    const since = new Date(this.clock.now().getTime() - STALE_AFTER_DAYS * DAY_MS);
    const pending = (await this.repo.pendingDeliveries(officeId, since)).filter((d) => this.transports.enabled(d.channel));
    const claimed: NotificationDelivery[] = [];
    for (const d of pending) {
      if (await this.repo.claimDelivery(d)) claimed.push(d);
    }
    const messages = [
      ...claimed.filter((d) => d.channel === 'email').map((d) => ({ channel: d.channel, recipient: d.recipient, subject: d.subject, body: d.body, rows: [d.id] })),
      ...this.transports.robots().map((robot) => claimed.filter((d) => d.channel === robot)).filter((rows) => rows.length > 0).map((rows) => ({
        channel: rows[0].channel, recipient: 'group', subject: '【宣传信息计分系统】提醒', body: robotBody(rows), rows: rows.map((d) => d.id),
      })),
    ];
    const failures: string[] = [];
    let sent = 0;
    for (const m of messages) {
      try {
        await this.transports.send(m.channel, m.recipient, m.subject, m.body);
        await this.repo.markSent(m.rows, this.clock.now());
        sent++;
      } catch (error) {
        const reason = error instanceof DeliveryError ? error.message : `发送失败：${(error as Error).message}`;
        await this.repo.markFailed(m.rows, reason);
        failures.push(reason);
      }
    }
    if (failures.length > 0) {
      throw new DeliveryError(`${failures.length} 条提醒未能送达，稍后重试：${[...new Set(failures)].slice(0, 3).join('；')}`);
    }
    return sent;
  }
}

/** One line per sort of reminder naming its units: short enough for a robot (企业微信 takes 2,048 bytes). */
function robotBody(rows: NotificationDelivery[]): string {
  const groups = new Map<string, string[]>();
  for (const r of rows) groups.set(r.subject, [...(groups.get(r.subject) ?? []), r.body]);
  const body = [...groups].map(([group, units]) => `${group}（${units.length} 个单位）：${units.join('、')}`).join('\n');
  return body.length > ROBOT_BODY_MAX ? `${body.slice(0, ROBOT_BODY_MAX - 1)}…` : body;
}
