import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Between, LessThanOrEqual, MoreThanOrEqual, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { ComplianceReport, MonthlyReportListRow, MonthStanding, Page } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { assertUnitAccess, isUnitScoped } from '../auth/scope';
import { quarterOf } from '@app/scoring';
import { JobsService } from '../jobs/jobs.service';
import { storeRecompute } from '../score-ledger/request-recompute';
import { AuditService } from '../audit/audit.service';
import { AppError, badRequest, conflict, invalid, notFound } from '../common/app-error';
import { addMonths, businessDate, monthBounds, monthDueDate } from '../common/business-date';
import { officeMarks, recordedInstant } from '../common/office-recording';
import { assertBusinessMonth } from '../common/parse-month.pipe';
import { isUniqueViolation } from '../common/db-errors';
import { updateVersioned } from '../common/optimistic';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { UnitOfWork } from '../database/unit-of-work';
import type { Unit } from '../units/unit.entity';
import { UnitsRepository } from '../units/units.repository';
import type { FileMonthlyReportDto, HistoryQuery, ListMonthlyReportsQuery, RecordMonthlyReportDto } from './dto/monthly-report.dto';
import { draftMonthlyReport, type MonthlyReportDraft } from './monthly-report-draft';
import { reportStatus, summarizeReports } from './monthly-report-status';
import { MonthlyReport } from './monthly-report.entity';
import { MonthlyReportsRepository } from './monthly-reports.repository';
import { toMonthlyReportResponse } from './monthly-report-response';
import { Clock } from '../common/clock';
import { OfficeSettingsReader } from '../offices/office-settings.reader';
import { asc, desc, findOrder } from '../common/sort';

export type { ComplianceReport, MonthStanding };

const MAX_HISTORY_MONTHS = 60;

/** 月度报送: units file by day N of the next month; the office sees who was on time, late or missing. */
@Injectable()
export class MonthlyReportsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reports: MonthlyReportsRepository,
    private readonly units: UnitsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
    private readonly settings: OfficeSettingsReader,
  ) {}

  /** The office's own due day (offices.settings), else the deployment's. */
  private async dueDay(officeId: number): Promise<number> {
    return (await this.settings.forOffice(officeId)).monthlyReportDueDay;
  }

  private standing(unit: Unit, month: string, report: MonthlyReport | null, today: string, dueDay: number): MonthStanding {
    const dueDate = monthDueDate(month, dueDay);
    return { month, unitId: unit.id, unitCode: unit.code, unitName: unit.name, contactName: unit.contactName, contactPhone: unit.contactPhone, dueDate, status: reportStatus(report?.filedDate ?? null, dueDate, today), report: report && toMonthlyReportResponse(report) };
  }

  /**
   * Files or corrects the caller's unit's report. The first filing's time stays: filing again
   * changes the counts and narrative only, so a late report stays late.
   */
  async file(user: AuthUser, month: string, dto: FileMonthlyReportDto): Promise<MonthStanding> {
    assertBusinessMonth(month);
    if (month > this.clock.month()) {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'future_month', '不能填报未来月份的月报', { month: `${month} 尚未到来，只能填报本月及以前的月份` });
    }
    const unit = await this.unitOrFail(user, user.unitId ?? -1);
    const fields = { articlesSubmitted: dto.articlesSubmitted, placementsAdopted: dto.placementsAdopted, narrative: dto.narrative || null };
    // A report filed (late) replaces the "missing" penalty of its month in the stored lines.
    const rescore = (manager: EntityManager) => storeRecompute(this.jobs, { officeId: user.officeId, quarters: [quarterOf(month)], reason: 'monthly-report' }, user.id, manager);
    const request = await this.uow.run(async (manager) => {
      const existing = await this.reports.findOne(user.officeId, unit.id, month, manager);
      if (existing) {
        // A client that did not send the version loaded the month before the report existed.
        if (dto.version === undefined) throw conflict('stale_version', '该月报已有人提交，请刷新后重试', { version: '版本已过期' });
        await updateVersioned(manager, MonthlyReport, existing.id, dto.version, fields);
        await this.audit.record(user, 'update', 'monthly_report', existing.id, existing, fields, manager);
        return rescore(manager);
      }
      const now = this.clock.now();
      try {
        const saved = await this.reports.insert(
          { ...fields, officeId: user.officeId, unitId: unit.id, month, filedAt: now, filedDate: businessDate(now, this.clock.timeZone), filedBy: user.id },
          manager,
        );
        await this.audit.record(user, 'create', 'monthly_report', saved.id, null, saved, manager);
      } catch (error) {
        // Two first filings at once: the other one won; this one must not pretend to be first.
        if (isUniqueViolation(error)) throw conflict('stale_version', '该月报刚被他人提交，请刷新后重试', { version: '版本已过期' });
        throw error;
      }
      return rescore(manager);
    });
    await this.jobs.handOver([request]);
    return this.get(user, month, unit.id);
  }

  /**
   * The office records or corrects a unit's report with the time it really came in (e-mail,
   * paper, phone) and how: the filing time is what scores it, so it is marked office-recorded
   * and audited with its old and new value. Never before the month began, never in the future.
   */
  async record(user: AuthUser, month: string, unitId: number, dto: RecordMonthlyReportDto): Promise<MonthStanding> {
    assertBusinessMonth(month);
    const unit = await this.unitOrFail(user, unitId);
    const filedAt = recordedInstant(dto.filedAt, this.config.business.timeZone, 'filedAt', this.clock.now());
    const filedDate = businessDate(filedAt, this.config.business.timeZone);
    if (filedDate < monthBounds(month).first) throw invalid({ filedAt: `${month} 的月报不能早于 ${monthBounds(month).first} 报送` });
    const fields = {
      articlesSubmitted: dto.articlesSubmitted, placementsAdopted: dto.placementsAdopted, narrative: dto.narrative || null,
      filedAt, filedDate, ...officeMarks(user, dto),
    };
    const request = await this.uow.run(async (manager) => {
      const existing = await this.reports.findOne(user.officeId, unit.id, month, manager);
      if (existing) {
        if (dto.version === undefined) throw conflict('stale_version', '该月报已有人提交，请刷新后重试', { version: '版本已过期' });
        await updateVersioned(manager, MonthlyReport, existing.id, dto.version, fields);
        await this.audit.record(user, 'office-record', 'monthly_report', existing.id, recordedView(existing), recordedView(fields), manager);
      } else {
        try {
          const saved = await this.reports.insert({ ...fields, officeId: user.officeId, unitId: unit.id, month, filedBy: user.id }, manager);
          await this.audit.record(user, 'office-record', 'monthly_report', saved.id, null, recordedView(saved), manager);
        } catch (error) {
          if (isUniqueViolation(error)) throw conflict('stale_version', '该月报刚被他人提交，请刷新后重试', { version: '版本已过期' });
          throw error;
        }
      }
      return storeRecompute(this.jobs, { officeId: user.officeId, quarters: [quarterOf(month)], reason: 'monthly-report' }, user.id, manager);
    });
    await this.jobs.handOver([request]);
    return this.get(user, month, unit.id);
  }

  async get(user: AuthUser, month: string, unitId?: number): Promise<MonthStanding> {
    assertBusinessMonth(month);
    const unit = await this.unitOrFail(user, this.unitFor(user, unitId));
    const report = await this.reports.findOne(user.officeId, unit.id, month);
    return this.standing(unit, month, report, this.clock.today(), await this.dueDay(user.officeId));
  }

  /** A suggested report from the unit's records, beside what was filed (if anything). */
  async draft(user: AuthUser, month: string, unitId?: number): Promise<MonthStanding & { draft: MonthlyReportDraft }> {
    const current = await this.get(user, month, unitId);
    return { ...current, draft: await draftMonthlyReport(this.reports, user.officeId, current.unitId, month) };
  }

  /** Every active unit's standing for a month. */
  async compliance(user: AuthUser, month: string): Promise<ComplianceReport> {
    const units = await this.units.findActiveWithGroups(user.officeId);
    units.sort((a, b) => (a.group?.sortOrder ?? 0) - (b.group?.sortOrder ?? 0) || a.code.localeCompare(b.code));
    const reports = new Map((await this.reports.findForMonth(user.officeId, month)).map((r) => [r.unitId, r]));
    const today = this.clock.today();
    const dueDay = await this.dueDay(user.officeId);
    const standings = units.map((u) => this.standing(u, month, reports.get(u.id) ?? null, today, dueDay));
    return { month, dueDate: monthDueDate(month, dueDay), summary: summarizeReports(standings.map((s) => s.status)), units: standings };
  }

  /** One unit's months from..to (default the last 12 months), oldest first, with missing months shown. */
  async history(user: AuthUser, query: HistoryQuery): Promise<MonthStanding[]> {
    const unit = await this.unitOrFail(user, this.unitFor(user, query.unitId));
    const to = query.to ?? this.clock.month();
    const from = query.from ?? addMonths(to, -11);
    if (from > to) throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'range_reversed', '结束月份不能早于开始月份', { to: '结束月份不能早于开始月份' });
    if (from < addMonths(to, -(MAX_HISTORY_MONTHS - 1))) {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'range_too_long', `一次最多查询 ${MAX_HISTORY_MONTHS} 个月`, { from: `一次最多查询 ${MAX_HISTORY_MONTHS} 个月` });
    }
    const reports = new Map(
      (await this.reports.findForUnitBetween(user.officeId, unit.id, from, to)).map((r) => [r.month, r]),
    );
    const today = this.clock.today();
    const dueDay = await this.dueDay(user.officeId);
    const months: MonthStanding[] = [];
    for (let m = from; m <= to; m = addMonths(m, 1)) months.push(this.standing(unit, m, reports.get(m) ?? null, today, dueDay));
    return months;
  }

  /** Filed reports, newest month first. */
  async list(user: AuthUser, query: ListMonthlyReportsQuery): Promise<Page<MonthlyReportListRow>> {
    const where: FindOptionsWhere<MonthlyReport> = { officeId: user.officeId };
    if (isUnitScoped(user) || query.unitId) where.unitId = this.unitFor(user, query.unitId);
    if (query.from && query.to) where.month = Between(query.from, query.to);
    else if (query.from) where.month = MoreThanOrEqual(query.from);
    else if (query.to) where.month = LessThanOrEqual(query.to);
    const [items, total] = await this.reports.findPage(
      where,
      findOrder<MonthlyReport>(query.sort, { month: 'month', unitId: 'unitId', filedDate: 'filedDate', articlesSubmitted: 'articlesSubmitted', placementsAdopted: 'placementsAdopted' }, [desc('month'), asc('unitId')]),
      (query.page - 1) * query.pageSize,
      query.pageSize,
    );
    const today = this.clock.today();
    const dueDay = await this.dueDay(user.officeId);
    return {
      items: items.map((r) => {
        const dueDate = monthDueDate(r.month, dueDay);
        return { ...toMonthlyReportResponse(r), dueDate, status: reportStatus(r.filedDate, dueDate, today) };
      }),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Officers and reviewers: their own unit (asking for another is 403). The office must name one. */
  private unitFor(user: AuthUser, requested?: number): number {
    if (requested !== undefined) {
      assertUnitAccess(user, requested, '只能查看本单位的月报');
      return requested;
    }
    if (isUnitScoped(user)) return user.unitId ?? -1;
    throw badRequest('unit_required', '请指定单位', { unitId: '必填' });
  }

  private async unitOrFail(user: AuthUser, unitId: number): Promise<Unit> {
    const unit = await this.units.findInOffice(user.officeId, unitId);
    if (!unit) throw notFound('单位');
    return unit;
  }
}

/** What the audit log keeps of an office-recorded report: the time that scores it and how it came in. */
function recordedView(r: Pick<MonthlyReport, 'filedAt' | 'filedDate' | 'articlesSubmitted' | 'placementsAdopted' | 'receivedVia' | 'receivedNote'>) {
  return { filedAt: r.filedAt.toISOString(), filedDate: r.filedDate, articlesSubmitted: r.articlesSubmitted, placementsAdopted: r.placementsAdopted, receivedVia: r.receivedVia, receivedNote: r.receivedNote };
}
