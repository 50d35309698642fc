import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ItemKind } from '@app/contracts';
import { quarterOf } from '@app/scoring';
import { Clock } from '../../../common/clock';
import { readWorkbookSheets, type WorkbookSheets } from '../../../common/xlsx/first-sheet';
import { APP_CONFIG } from '../../../config/config.module';
import type { AppConfig } from '../../../config/app-config';
import { ItemKindsReader } from '../../../items/item-kinds';
import { JobsService } from '../../../jobs/jobs.service';
import type { JobRequest } from '../../../jobs/job-request.entity';
import { storeRecompute } from '../../../score-ledger/request-recompute';
import type { ArticleDraft } from '../article-row-validator';
import type { ImportProblem } from '../article-sheet-layout';
import { SHEET_LIMITS } from '../article-sheet-reader';
import { cellDate } from '../sheet-cells';
import { COMMISSION_ANSWER_SHEET, validateAnswers } from './commission-answer-sheet';
import { COMMISSION_SHEET, validateCommissions } from './commission-sheet';
import type { HistoryContext, SheetReport } from './history-context';
import { ArticleImportRepository } from '../article-import.repository';
import type { HistoryPlan } from './history-plan';
import { compareSheetProblems, readHistorySheet, sheetProblem, type HistorySheetContent, type HistorySheetSpec } from './history-sheet';
import { BackfillMarker } from './backfill-marker';
import type { HistoryCounts, HistoryStoreOptions } from './history-store';
import { INSTRUCTION_SHEET, validateInstructions } from './instruction-sheet';
import { ITEM_SHEET, validateItems } from './item-sheet';
import { MONTHLY_REPORT_SHEET, validateMonthlyReports } from './monthly-report-sheet';

/** The history sheets in template (and report) order. */
export const HISTORY_SHEETS: HistorySheetSpec[] = [MONTHLY_REPORT_SHEET, COMMISSION_SHEET, COMMISSION_ANSWER_SHEET, INSTRUCTION_SHEET, ITEM_SHEET] as HistorySheetSpec[];

export interface PreparedHistory {
  plan: HistoryPlan;
  /** Sorted by sheet (template order), then row and column. */
  problems: ImportProblem[];
  /** Data rows read from the history sheets. */
  rows: number;
  invalidRows: number;
  /** The history sheets the workbook holds. */
  sheets: string[];
}

const EMPTY_PLAN: HistoryPlan = { monthly: [], commissions: [], answers: [], instructions: [], items: [], skipped: 0, problems: [], invalidRows: new Set() };

/**
 * The history sheets of the import workbook (月度报送, 约稿, 约稿回复, 批示, 事项): an office loads
 * a past year with them, beside the articles of the first sheet. Read and checked before the
 * import's transaction; stored inside it, after the articles they refer to.
 */
@Injectable()
export class HistoryImportService {
  constructor(
    private readonly imports: ArticleImportRepository,
    private readonly itemKinds: ItemKindsReader,
    private readonly jobs: JobsService,
    private readonly backfill: BackfillMarker,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Reads, checks and plans the history sheets. Only the office loads history: an officer's
   * workbook that holds such sheets gets one warning per sheet and nothing from them.
   */
  async prepare(content: Buffer, officeId: number, byOffice: boolean, fileArticles: ArticleDraft[]): Promise<PreparedHistory> {
    const read = await readWorkbookSheets(content, SHEET_LIMITS, (book) => this.readSheets(book));
    // A file that is not a workbook at all is already reported by the articles sheet's reader.
    if (!('value' in read)) return { plan: EMPTY_PLAN, problems: [], rows: 0, invalidRows: 0, sheets: [] };
    const contents = read.value;
    const sheets = HISTORY_SHEETS.filter((s) => contents.has(s.name)).map((s) => s.name);
    if (!byOffice) {
      return { plan: EMPTY_PLAN, problems: sheets.map((name) => sheetProblem(name, 0, '', `「${name}」表是历史数据，只有办公室可以导入，本次未导入`, 'warning')), rows: 0, invalidRows: 0, sheets };
    }
    const get = (spec: HistorySheetSpec) => contents.get(spec.name) ?? { rows: [], problems: [], date1904: false };
    const units = await this.imports.findOfficeUnits(officeId);
    const ctx: HistoryContext = {
      units, timeZone: this.config.business.timeZone, now: this.clock.now(), today: this.clock.today(),
      date1904: [...contents.values()].some((c) => c.date1904),
      itemKinds: await this.kindsByQuarter(officeId, get(ITEM_SHEET)),
    };
    const monthly = validateMonthlyReports(get(MONTHLY_REPORT_SHEET).rows as never, ctx);
    const commissions = validateCommissions(get(COMMISSION_SHEET).rows as never, ctx);
    const answers = validateAnswers(get(COMMISSION_ANSWER_SHEET).rows as never, ctx);
    const instructions = validateInstructions(get(INSTRUCTION_SHEET).rows as never, ctx);
    const items = validateItems(get(ITEM_SHEET).rows as never, ctx);
    const plan = await this.imports.planHistory(officeId, {
      monthly: monthly.drafts, commissions: commissions.drafts, answers: answers.drafts, instructions: instructions.drafts, items: items.drafts,
    }, fileArticles);

    const reports: SheetReport[] = [monthly.report, commissions.report, answers.report, instructions.report, items.report];
    const problems: ImportProblem[] = [];
    let invalidRows = plan.invalidRows.size;
    HISTORY_SHEETS.forEach((spec, i) => {
      const own = [...get(spec).problems, ...reports[i].problems, ...plan.problems.filter((p) => p.sheet === spec.name)];
      problems.push(...own.sort(compareSheetProblems(spec.columns)));
      invalidRows += reports[i].invalidRows.size;
    });
    return { plan, problems, rows: HISTORY_SHEETS.reduce((n, s) => n + get(s).rows.length, 0), invalidRows, sheets };
  }

  /**
   * Writes the plan and the recompute its quarters owe; must run inside the import's
   * transaction, after its articles. Hand the request over once the transaction committed.
   */
  async store(tx: EntityManager, prepared: PreparedHistory, options: Omit<HistoryStoreOptions, 'today' | 'now'>): Promise<{ counts: HistoryCounts; recompute: JobRequest | null }> {
    const counts = await this.imports.storeHistory(tx, prepared.plan, { ...options, today: this.clock.today(), now: this.clock.now() });
    await this.backfill.mark(tx, options.officeId, counts.backfillQuarters);
    const recompute = counts.quarters.length ? await storeRecompute(this.jobs, { officeId: options.officeId, quarters: counts.quarters, reason: 'history-import' }, options.userId, tx) : null;
    return { counts, recompute };
  }

  private async readSheets(book: WorkbookSheets) {
    const out = new Map<string, HistorySheetContent & { date1904: boolean }>();
    for (const spec of HISTORY_SHEETS) {
      if (!book.names.some((n) => n.trim() === spec.name)) continue;
      out.set(spec.name, await readHistorySheet(book, spec));
    }
    return out;
  }

  /** The catalogue of each quarter the 事项 rows fall in, read once per quarter. */
  private async kindsByQuarter(officeId: number, sheet: HistorySheetContent): Promise<(quarter: string) => ItemKind[]> {
    const quarters = new Set<string>();
    for (const { cells } of sheet.rows) {
      const date = cellDate(cells['事项日期'], sheet.date1904);
      if (date?.ok) quarters.add(quarterOf(date.value));
    }
    const kinds = new Map<string, ItemKind[]>();
    for (const quarter of quarters) kinds.set(quarter, await this.itemKinds.kinds(officeId, quarterFirstDay(quarter)));
    return (quarter) => kinds.get(quarter) ?? [];
  }
}

const quarterFirstDay = (quarter: string) => `${quarter.slice(0, 4)}-${String((Number(quarter.slice(-1)) - 1) * 3 + 1).padStart(2, '0')}-01`;
