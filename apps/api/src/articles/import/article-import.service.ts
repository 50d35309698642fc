import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../../auth/auth-user';
import { AuditService } from '../../audit/audit.service';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../common/app-error';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/app-config';
import { JobsService } from '../../jobs/jobs.service';
import { JobHandler } from '../../jobs/job-handler.decorator';
import type { JobRequest } from '../../jobs/job-request.entity';
import type { JobContext, JobPayloads } from '../../jobs/job.types';
import { FileStore } from '../../storage/file-store.service';
import { UnitOfWork } from '../../database/unit-of-work';
import { ArticleImportRepository } from './article-import.repository';
import { validateArticleRows } from './article-row-validator';
import { compareProblems, type ImportProblem } from './article-sheet-layout';
import { readArticleSheet } from './article-sheet-reader';
import { writeImportReport } from './article-sheet-writer';
import type { ImportArticlesDto } from './dto/article-import.dto';
import { HistoryImportService } from './history/history-import.service';
import type { HistoryCounts } from './history/history-store';
import { Clock } from '../../common/clock';
import { OutletsRepository } from '../../outlets/outlets.repository';
import { OfficeSettingsReader } from '../../offices/office-settings.reader';

export interface ArticleImportResult {
  fileName: string;
  /** Data rows read (empty rows and the template's example row not counted). */
  rows: number;
  articlesCreated: number;
  placementsCreated: number;
  /** Valid rows that added nothing because their article and placement were already recorded. */
  skippedExisting: number;
  /** Rows with at least one error: not imported. */
  invalidRows: number;
  warnings: number;
  /** Row by row, sorted; cut short in very large reports (problemsTotal says how many) — the report download has them all. */
  problems: ImportProblem[];
  problemsTotal: number;
  /** Where the full problem list is stored (the report download reads it). */
  reportKey: string;
  /** The history sheets of the workbook (月度报送, 约稿…) and what they added; absent in reports of older imports. */
  history?: HistoryCounts & { sheets: string[]; rows: number; skippedExisting: number; invalidRows: number };
}

/** The job result is a TEXT column (64 KB on MariaDB): keep the inline problem list well under it. */
const INLINE_PROBLEM_BYTES = 40_000;

@Injectable()
export class ArticleImportService {
  constructor(
    private readonly imports: ArticleImportRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly files: FileStore,
    private readonly history: HistoryImportService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly outlets: OutletsRepository,
    private readonly settings: OfficeSettingsReader,
  ) {}

  /** Stores the uploaded sheet and queues its import; the job's result is the row-by-row report. */
  async startImport(user: AuthUser, file: Express.Multer.File | undefined, dto: ImportArticlesDto) {
    if (!file) throw badRequest('file_required', '请上传 .xlsx 文件', { file: '必填' });
    const fileName = Buffer.from(file.originalname, 'latin1').toString('utf8');
    if (!/\.xlsx$/i.test(fileName)) {
      const hint = /\.(xls|et|csv)$/i.test(fileName) ? '，请在 Excel/WPS 中另存为 .xlsx 后再导入' : '';
      throw badRequest('invalid_file_type', `只接受 .xlsx 表格文件${hint}`, { file: '只接受 .xlsx 文件' });
    }
    if (file.size > this.config.uploads.maxBytes) {
      const limit = `${Math.round(this.config.uploads.maxBytes / 1024 / 1024)} MB`;
      throw new AppError(HttpStatus.PAYLOAD_TOO_LARGE, 'file_too_large', `文件超过 ${limit}，请拆分后导入`, { file: `不能超过 ${limit}` });
    }
    const asStatus = dto.asStatus ?? 'draft';
    if (asStatus === 'verified' && user.role !== 'office' && user.role !== 'admin') throw forbidden('只有办公室可以直接导入已核定的记录');
    const stored = await this.files.put(file.buffer, 'xlsx');
    const unitId = user.role === 'officer' ? user.unitId : null;
    return this.jobs.enqueue('articles.import', { officeId: user.officeId, fileKey: stored.key, fileName, userId: user.id, unitId, asStatus }, {
      businessKey: `${user.officeId}:${user.id}:${asStatus}:${stored.sha256}`,
      officeId: user.officeId,
      createdBy: user.id,
    });
  }

  /**
   * Validates every row, then imports the valid ones in one transaction. Idempotent: rows
   * already recorded (by key) are skipped, so a second delivery or a second upload of the
   * same file adds nothing. A file that is not a spreadsheet is a report, not a failure.
   */
  @JobHandler('articles.import')
  async runImport(payload: JobPayloads['articles.import'], ctx: JobContext): Promise<ArticleImportResult> {
    const actor = await this.actor(payload);
    const ownUnitId = payload.unitId ?? null;
    const content = await this.files.get(payload.fileKey);
    const sheet = await readArticleSheet(content);
    await ctx.progress(15);

    const [units, outlets] = await Promise.all([this.imports.findOfficeUnits(payload.officeId), this.outlets.findAllVisible(payload.officeId)]);
    const today = this.clock.today();
    // An officer's import records what reaches the office today (issue #14); the office loads history.
    const todayOnly = ownUnitId !== null;
    const validated = await validateArticleRows(sheet.rows, {
      units,
      outlets,
      ownUnitId,
      today,
      todayOnly,
      earlyMarginDays: (await this.settings.forOffice(payload.officeId)).placementEarlyMarginDays,
      date1904: sheet.date1904,
    });
    await ctx.progress(30);

    const plan = await this.imports.planArticles(payload.officeId, ownUnitId, validated.articles, todayOnly ? today : null);
    const similar = await this.imports.similarTitleWarnings(payload.officeId, ownUnitId, plan.newArticles);
    const history = await this.history.prepare(content, payload.officeId, ownUnitId === null, plan.newArticles);
    const problems = [...[...sheet.problems, ...validated.problems, ...plan.problems, ...similar].sort(compareProblems), ...history.problems];
    const invalid = new Set([...sheet.mergedRows, ...validated.invalidRows, ...plan.invalidRows]);
    const report = await this.files.put(Buffer.from(JSON.stringify(problems)), 'json');
    await ctx.progress(40);

    const counts = {
      fileName: payload.fileName,
      rows: sheet.rows.length + sheet.mergedRows.size,
      articlesCreated: plan.newArticles.length,
      placementsCreated: plan.newArticles.reduce((n, a) => n + a.placements.length, 0) + plan.addedPlacements.length,
      skippedExisting: plan.skippedRows,
      invalidRows: invalid.size,
      warnings: problems.filter((p) => p.level === 'warning').length,
    };
    let historyCounts: ArticleImportResult['history'];
    let recompute: JobRequest | null = null;
    // Everything was read and decided above; the transaction only writes, so on SQLite (one
    // connection) it holds no await on anything but the database.
    await this.uow.run(async (tx) => {
      await this.imports.storeArticles(tx, plan, {
        officeId: payload.officeId,
        userId: payload.userId,
        status: payload.asStatus ?? 'draft',
        timeZone: this.config.business.timeZone,
        now: this.clock.now(),
        progress: (done) => ctx.progress(40 + done * 55),
      });
      const loaded = await this.history.store(tx, history, { officeId: payload.officeId, userId: payload.userId, jobId: ctx.jobId, status: payload.asStatus ?? 'draft' });
      recompute = loaded.recompute;
      historyCounts = { ...loaded.counts, sheets: history.sheets, rows: history.rows, skippedExisting: history.plan.skipped, invalidRows: history.invalidRows };
      await this.audit.record(actor, 'import', 'article-import', ctx.jobId, null, { ...counts, asStatus: payload.asStatus ?? 'draft', ...(history.sheets.length ? { history: historyCounts } : {}) }, tx);
    });
    if (recompute) await this.jobs.handOver([recompute]);
    return { ...counts, ...(history.sheets.length ? { history: historyCounts } : {}), problems: inlineProblems(problems), problemsTotal: problems.length, reportKey: report.key };
  }

  /** The report of a finished import as .xlsx; only whoever may see the job may read it. */
  async report(user: AuthUser, jobId: number): Promise<Buffer> {
    const job = await this.jobs.get(user, jobId);
    if (job.name !== 'articles.import') throw notFound('导入任务');
    if (job.status !== 'done') throw conflict('import_not_finished', job.status === 'failed' ? `导入失败：${job.error ?? ''}` : '导入尚未完成，请稍后再下载检查结果');
    const result = job.result as ArticleImportResult;
    const problems = result.reportKey ? (JSON.parse((await this.files.get(result.reportKey)).toString('utf8')) as ImportProblem[]) : result.problems;
    await this.audit.record(user, 'export', 'import-report', jobId, null, { problems: problems.length });
    return writeImportReport(problems, result.fileName);
  }

  private async actor(payload: JobPayloads['articles.import']): Promise<AuthUser> {
    const user = await this.imports.findUser(payload.userId);
    return {
      id: payload.userId,
      username: user?.username ?? `#${payload.userId}`,
      displayName: user?.displayName ?? '',
      role: user?.role ?? 'officer',
      officeId: payload.officeId,
      unitId: payload.unitId,
    };
  }
}

/** The first problems that fit the inline budget (all of them in any ordinary report). */
function inlineProblems(problems: ImportProblem[]): ImportProblem[] {
  let bytes = 0;
  const out: ImportProblem[] = [];
  for (const p of problems) {
    bytes += Buffer.byteLength(JSON.stringify(p)) + 1;
    if (bytes > INLINE_PROBLEM_BYTES) break;
    out.push(p);
  }
  return out;
}
