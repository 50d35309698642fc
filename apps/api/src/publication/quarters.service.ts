import { quarterLabel } from '@app/contracts';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { GuardOverride, QuarterGuard } from '@app/contracts';
import { isQuarter, nextQuarter, quarterOf, quarterRange } from '@app/scoring';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { writeRankingSheet } from './ranking-sheets';
import { conflict, invalid, notFound } from '../common/app-error';
import { monthDueDate } from '../common/business-date';
import { businessRange, quarterInRange } from '../common/business-range';
import { JobsService, toJobResponse } from '../jobs/jobs.service';
import { NotificationsService } from '../notifications/notifications.service';
import type { CloseQuarterDto, NoticeTextsDto, PublishQuarterDto } from './dto/quarter.dto';
import { BackfillMarker } from '../articles/import/history/backfill-marker';
import { UnitOfWork } from '../database/unit-of-work';
import { RecordsRepository } from '../score-ledger/records.repository';
import type { QuarterPeriod } from './quarter-period.entity';
import { QuartersRepository } from './quarters.repository';
import { SnapshotsRepository } from './snapshots.repository';
import { toSnapshotResponse } from './snapshot-response';
import { toQuarterDetailResponse } from './quarter-response';
import { Clock } from '../common/clock';
import { OfficeSettingsReader } from '../offices/office-settings.reader';

/** The last month of a quarter's report is due on this date; the review stage opens after it. */
export function quarterSettledDate(quarter: string, dueDay: number): string {
  return monthDueDate(quarterRange(quarter).end.slice(0, 7), dueDay);
}

/**
 * At most this many unverified entries can be left out when closing: each is listed in the
 * notice's 附件3, and the list (titles cut to 40 characters, unit names to 30) must fit a TEXT
 * column (64 KB on MariaDB).
 */
export const MAX_EXCLUDED = 200;

/** A quarter's lifecycle: open → review (disputes) → closed → published, and republication. */
@Injectable()
export class QuartersService implements OnModuleInit {
  constructor(
    private readonly repo: QuartersRepository,
    private readonly snapshots: SnapshotsRepository,
    private readonly records: RecordsRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly backfill: BackfillMarker,
    private readonly settings: OfficeSettingsReader,
  ) {}

  /** The history import marks the past quarters it loads 补录 through this (it may not import publication). */
  onModuleInit() {
    this.backfill.use((tx, officeId, quarters) => this.repo.markBackfill(tx, officeId, quarters));
  }

  /**
   * The quarter's state for a read: its row, or the `open` state a quarter has before anyone
   * acted on it. Never stores anything: a read (or a refused write) of any quarter must not leave
   * a row behind for the shared list to trip over.
   */
  async currentPeriod(manager: EntityManager, officeId: number, quarter: string): Promise<QuarterPeriod> {
    const found = await this.repo.findPeriod(manager, officeId, quarter);
    return found ?? this.repo.unsavedOpenPeriod(manager, officeId, quarter);
  }

  /** The quarter row to change, created as `open` the first time the office acts on it. */
  async period(manager: EntityManager, officeId: number, quarter: string): Promise<QuarterPeriod> {
    const found = await this.repo.findPeriod(manager, officeId, quarter);
    if (found) return found;
    return this.repo.ensurePeriod(manager, officeId, quarter);
  }

  /** The quarters from the office's first record to the current one (and any later row), with their stage and latest revision. */
  async list(user: AuthUser) {
    const current = quarterOf(this.clock.today());
    // Rows outside the business range (left by older versions) would break the settled-date maths.
    const range = businessRange();
    const rows = (await this.repo.periodsOfOffice(user.officeId)).filter((r) => isQuarter(r.quarter) && quarterInRange(r.quarter, range));
    // From the office's first record (or first quarter row) on: quarters before anyone used the
    // system are empty, and pickers listing them misled (issue #16).
    const first = [await this.firstRecordQuarter(user.officeId, range.minDate), ...rows.map((r) => r.quarter)].filter((q): q is string => !!q).sort()[0] ?? current;
    const quarters: string[] = [];
    for (let q = first < current ? first : current; q <= current; q = nextQuarter(q)) quarters.push(q);
    const revisions = await this.snapshots.latestRevisions(user.officeId);
    const { monthlyReportDueDay } = await this.settings.forOffice(user.officeId);
    const all = new Set([...quarters, ...rows.map((r) => r.quarter)]);
    return [...all].sort().reverse().map((quarter) => {
      const row = rows.find((r) => r.quarter === quarter);
      return {
        quarter,
        stage: row?.stage ?? 'open',
        disputeUntil: row?.disputeUntil ?? null,
        publishedAt: row?.publishedAt?.toISOString() ?? null,
        revision: revisions.get(quarter) ?? 0,
        settledDate: quarterSettledDate(quarter, monthlyReportDueDay),
      };
    });
  }

  /**
   * The quarter of the office's earliest recorded date (article, placement, 批示 or 事项) in the
   * business range, or null; a row an older version stored before the range does not count.
   */
  private async firstRecordQuarter(officeId: number, minDate: string): Promise<string | null> {
    const first = await this.records.firstRecordDate(officeId, minDate);
    return first ? quarterOf(first.slice(0, 10)) : null;
  }

  async get(user: AuthUser, quarter: string) {
    const period = await this.currentPeriod(this.uow.manager, user.officeId, quarter);
    const pending = await this.records.unsettledEntries(this.uow.manager, user.officeId, quarter);
    const snapshots = await this.snapshots.revisionsOfQuarter(user.officeId, quarter);
    return toQuarterDetailResponse(period, pending, snapshots);
  }

  /** One published revision with its unit rows, as frozen. */
  async snapshot(user: AuthUser, quarter: string, revision: number) {
    const snapshot = await this.snapshots.revision(user.officeId, quarter, revision);
    if (!snapshot) throw notFound('该季度的发布版本');
    const units = await this.snapshots.unitsByRank(snapshot.id);
    return toSnapshotResponse(snapshot, units);
  }

  /** The published ranking as a workbook (overall and per group), as the rankings page shows it. */
  async rankingSheet(user: AuthUser, quarter: string, revision: number): Promise<Buffer> {
    const snapshot = await this.snapshot(user, quarter, revision);
    await this.audit.record(user, 'export', 'rankings', snapshot.id, null, { quarter, revision });
    return writeRankingSheet(quarter, revision, snapshot.units);
  }

  /** Opens the draft ranking to units for disputes (by the office, or by the daily check). */
  async openReview(actor: AuthUser | null, officeId: number, quarter: string) {
    return this.uow.run(async (manager) => {
      const period = await this.period(manager, officeId, quarter);
      if (period.stage !== 'open') throw conflict('invalid_stage', `该季度当前处于「${stageLabel(period.stage)}」阶段，不能开始复核`);
      const today = this.clock.today();
      const { quarterDisputeDays } = await this.settings.forOffice(officeId);
      const until = new Date(Date.parse(`${today}T00:00:00Z`) + quarterDisputeDays * 86_400_000).toISOString().slice(0, 10);
      await this.repo.updatePeriod(period.id, { stage: 'review', reviewOpenedAt: this.clock.now(), disputeUntil: until }, manager);
      if (actor) await this.audit.record(actor, 'quarter:review', 'quarter', quarter, { stage: period.stage }, { stage: 'review', disputeUntil: until }, manager);
      await this.notifyReviewOpened(officeId, quarter, until, manager);
      return { quarter, stage: 'review' as const, disputeUntil: until };
    });
  }

  /** The office is told to answer disputes and publish; the units, until when they may dispute. */
  private async notifyReviewOpened(officeId: number, quarter: string, until: string, manager: EntityManager) {
    await this.notifications.notifyOffice(officeId, ['office'], {
      kind: 'quarter-review',
      title: `${quarterLabel(quarter)}已进入复核阶段，异议期至 ${until}，请处理异议后关闭并发布`,
      link: `/quarters/${quarter}`,
      dedupeKey: `quarter-review:${quarter}`,
    }, manager);
    await this.notifications.notifyOffice(officeId, ['officer', 'reviewer'], {
      kind: 'quarter-review',
      title: `${quarterLabel(quarter)}排名草稿已公布，如有异议请于 ${until} 前提出`,
      link: `/scores?quarter=${quarter}`,
      dedupeKey: `quarter-review:${quarter}`,
    }, manager);
  }

  /**
   * Closing freezes the record for the ranking. Entries still under review hold it up unless
   * the office explicitly leaves them out (summed up in the notice, listed in its 附件3). An open
   * dispute window or an unanswered dispute holds it up unless the office overrides with a reason.
   */
  async close(user: AuthUser, quarter: string, dto: CloseQuarterDto) {
    return this.uow.run(async (manager) => {
      const period = await this.period(manager, user.officeId, quarter);
      if (period.stage === 'closed' || period.stage === 'published') throw conflict('invalid_stage', `该季度已${stageLabel(period.stage)}`);
      const pending = await this.records.unsettledEntries(manager, user.officeId, quarter);
      if (pending.length > MAX_EXCLUDED) {
        // The notice's 附件3 lists every excluded entry; hundreds of them mean the review is not done.
        throw conflict('too_many_unverified', `该季度还有 ${pending.length} 条记录未核定，超过可排除的上限 ${MAX_EXCLUDED} 条，请先完成核定`, { excludeUnverified: `${pending.length} 条记录未核定` });
      }
      if (pending.length > 0 && !dto.excludeUnverified) {
        throw conflict('unverified_entries', `该季度还有 ${pending.length} 条记录未核定，请先核定，或选择排除后关闭`, { excludeUnverified: `${pending.length} 条记录未核定` });
      }
      const today = this.clock.today();
      const unanswered = await this.repo.countOpenDisputes(manager, user.officeId, quarter);
      const guards: Guard[] = [];
      if (period.stage === 'review' && period.disputeUntil && today <= period.disputeUntil) {
        guards.push({ code: 'dispute_window_open', message: `异议期至 ${period.disputeUntil} 才结束` });
      }
      if (unanswered > 0) guards.push({ code: 'disputes_unanswered', message: `还有 ${unanswered} 条异议未答复` });
      const override = this.override(user, 'close', guards, dto.overrideReason);
      const excluded = pending.map((p) => ({ type: p.type.replace(/s$/, ''), id: p.id, title: cut(p.title, 40), unitName: cut(p.unitName, 30) }));
      const overrides = override ? [...(period.guardOverrides ?? []), override] : period.guardOverrides;
      await this.repo.updatePeriod(period.id, { stage: 'closed', closedAt: this.clock.now(), excludedEntries: excluded, guardOverrides: overrides }, manager);
      await this.audit.record(user, 'quarter:close', 'quarter', quarter, { stage: period.stage }, { stage: 'closed', excluded, ...(override ? { override } : {}) }, manager);
      return { quarter, stage: 'closed' as const, excluded, override };
    });
  }

  /**
   * Refuses when a guard holds (409 with the first guard's code, all of them in the message),
   * unless the office gives a reason: then the override to store and print in the audit log.
   */
  private override(user: AuthUser, action: GuardOverride['action'], guards: Guard[], reason: string | undefined): GuardOverride | null {
    if (guards.length === 0) return null;
    const what = guards.map((g) => g.message).join('；');
    if (!reason) {
      const verb = action === 'close' ? '关闭' : '发布';
      throw conflict(guards[0].code, `${what}，现在不能${verb}；如确需${verb}，请填写理由`, { overrideReason: `${what}，请填写强制${verb}的理由` });
    }
    return { action, guards: guards.map((g) => g.code), reason, userId: user.id, userName: user.displayName, at: this.clock.now().toISOString() };
  }

  /** Reopening a closed (not yet published) quarter lets late verifications in. */
  async reopen(user: AuthUser, quarter: string) {
    return this.uow.run(async (manager) => {
      const period = await this.period(manager, user.officeId, quarter);
      if (period.stage !== 'closed') throw conflict('invalid_stage', '只有已关闭、尚未发布的季度可以重新打开');
      await this.repo.updatePeriod(period.id, { stage: 'review', closedAt: null, excludedEntries: null }, manager);
      await this.audit.record(user, 'quarter:reopen', 'quarter', quarter, { stage: 'closed' }, { stage: 'review' }, manager);
      return { quarter, stage: 'review' as const };
    });
  }

  async updateTexts(user: AuthUser, quarter: string, dto: NoticeTextsDto) {
    return this.uow.run(async (manager) => {
      const period = await this.period(manager, user.officeId, quarter);
      const texts = { ...(period.noticeTexts ?? {}), ...dto };
      await this.repo.updatePeriod(period.id, { noticeTexts: texts }, manager);
      await this.audit.record(user, 'update', 'notice-texts', quarter, period.noticeTexts, texts, manager);
      return texts;
    });
  }

  /**
   * Queues the publication job; a quarter already published is published again as a
   * correction. A quarter that has not ended yet is published only with an override reason.
   */
  async publish(user: AuthUser, quarter: string, dto: PublishQuarterDto) {
    const period = await this.currentPeriod(this.uow.manager, user.officeId, quarter);
    if (period.stage !== 'closed' && period.stage !== 'published') throw conflict('invalid_stage', '请先关闭该季度再发布');
    if (period.stage === 'published' && !dto.reason) throw invalid({ reason: '再次发布（更正通报）时必须说明更正原因' });
    if (dto.backfill !== undefined && dto.backfill !== period.backfill) await this.repo.updatePeriod(period.id, { backfill: dto.backfill });
    const { end } = quarterRange(quarter);
    const guards: Guard[] = this.clock.today() <= end ? [{ code: 'quarter_not_ended', message: `该季度至 ${end} 才结束` }] : [];
    const override = this.override(user, 'publish', guards, dto.overrideReason);
    const job = await this.jobs.enqueue('quarters.publish', { officeId: user.officeId, quarter, requestedBy: user.id, reason: dto.reason }, {
      businessKey: `${user.officeId}:${quarter}`,
      officeId: user.officeId,
      createdBy: user.id,
    });
    if (override) {
      await this.repo.updatePeriod(period.id, { guardOverrides: [...(period.guardOverrides ?? []), override] });
    }
    await this.audit.record(user, 'quarter:publish', 'quarter', quarter, { stage: period.stage }, { jobId: job.id, reason: dto.reason ?? null, ...(dto.backfill !== undefined ? { backfill: dto.backfill } : {}), ...(override ? { override } : {}) });
    return toJobResponse(job);
  }
}

interface Guard {
  code: QuarterGuard;
  message: string;
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function stageLabel(stage: QuarterPeriod['stage']): string {
  return { open: '进行中', review: '复核', closed: '关闭', published: '发布' }[stage];
}
