import { Injectable, Logger } from '@nestjs/common';
import { compareQuarter, isQuarter, nextQuarter, quarterOf } from '@app/scoring';
import type { JobResponse } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { invalid } from '../common/app-error';
import { businessRange, quarterInRange } from '../common/business-range';
import { JobsService, toJobResponse } from '../jobs/jobs.service';
import { JobHandler } from '../jobs/job-handler.decorator';
import type { JobContext, JobPayloads } from '../jobs/job.types';
import { SchemesService, versionInForce } from '../schemes/schemes.service';
import type { RecomputeDto } from './dto/scores.dto';
import { RollupLoader } from './rollup-loader';
import { RecordsRepository } from './records.repository';
import { coalesceRecomputes, enqueueRecompute, parentRescoreScope, requestRecompute } from './request-recompute';
import { toEngineInput } from './engine-input';
import { needsWholeQuarter, scoreVersionQuarter } from './engine-lines';
import { ScoreLedgerRepository, toRow } from './score-ledger.repository';
import { LedgerDirtyRepository, markLedgerDirty } from './ledger-dirty.repository';
import { Clock } from '../common/clock';

export type RecomputePayload = JobPayloads['scores.recompute'];

/** How long a recompute waits for another one of the same office before failing (and being retried). */
const LOCK_WAIT_SECONDS = 600;

export interface RecomputeResult {
  quarters: string[];
  deleted: number;
  inserted: number;
}

/**
 * Keeps score_lines up to date: the handler of the `scores.recompute` job. Each quarter is
 * scored under the version in force for it and its lines are replaced in one transaction, so
 * running a job twice leaves the same rows.
 */
@Injectable()
export class ScoreLedgerService {
  private readonly logger = new Logger('ScoreLedgerService');
  /** The tail of each office's chain of recomputes in this process. */
  private readonly running = new Map<number, Promise<void>>();

  constructor(
    private readonly records: RecordsRepository,
    private readonly loader: RollupLoader,
    private readonly ledger: ScoreLedgerRepository,
    private readonly dirty: LedgerDirtyRepository,
    private readonly schemes: SchemesService,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
  ) {}

  /** POST /scores/recompute: queues the work; the job's result says what was replaced. */
  async enqueue(user: AuthUser, dto: RecomputeDto): Promise<JobResponse> {
    const scope = { officeId: user.officeId, reason: 'manual', quarters: dto.quarters, fromQuarter: dto.fromQuarter, articleIds: dto.articleIds };
    return toJobResponse(await enqueueRecompute(this.jobs, scope, { createdBy: user.id }));
  }

  /**
   * Recomputes the stored lines of an office.
   * - `articleIds`: only those articles' lines (and the cheap unit-level lines: 约稿, monthly
   *   reports) in the quarters the articles touch; other articles' lines are left alone. A
   *   scheme with clamps on the total, targets or rates makes every line of a unit depend on
   *   the others, so then those quarters are recomputed whole.
   * - `quarters`: exactly those quarters.  - `fromQuarter`: that quarter onward.
   * - nothing: every quarter with records or stored lines.
   */
  @JobHandler('scores.recompute', { coalesce: coalesceRecomputes, onStore: markLedgerDirty })
  async recompute(payload: RecomputePayload, ctx?: Pick<JobContext, 'progress'>): Promise<RecomputeResult> {
    const result = await this.exclusive(payload.officeId, () => this.recomputeNow(payload, ctx));
    await this.rescoreParent(payload.officeId, result.quarters);
    return result;
  }

  /**
   * An office ranked as a unit of its parent (units.childOfficeId) moves the parent's scores of
   * the quarters it just rescored: the parent's recompute of them is requested (and so on up
   * the tree), so a city's ranking follows its districts' verifications without waiting for
   * its own next recompute.
   */
  private async rescoreParent(officeId: number, quarters: string[]): Promise<void> {
    if (quarters.length === 0) return;
    const parent = await this.records.parentOffice(officeId);
    if (parent === null) return;
    await requestRecompute(this.jobs, parentRescoreScope(parent, quarters));
  }

  /**
   * Publication's way to the ledger: recomputes the quarter only when a recompute was requested
   * for it and has not run since (a dirty mark, here or in an office ranked below), or when it
   * holds no line of the version in force; otherwise the stored lines are already current.
   * Returns whether it recomputed.
   */
  async refreshQuarter(officeId: number, quarter: string, reason: string): Promise<boolean> {
    const versions = await this.schemes.versionsOf(officeId);
    const version = versionInForce(versions, quarter);
    // Waits for a recompute of the office that is running: its marks are cleared only once its lines are stored.
    const stale = await this.exclusive(officeId, async () => (version !== null && !(await this.ledger.hasLines(officeId, version.id, quarter))) || this.isDirty(officeId, quarter));
    if (stale) await this.recompute({ officeId, quarters: [quarter], reason });
    return stale;
  }

  /** Whether a stored mark covers the quarter of the office or of an office ranked below it. */
  async isDirty(officeId: number, quarter: string): Promise<boolean> {
    const marks = await this.dirty.marksOf(officeId, quarter);
    if (marks.quarter) return true;
    if (marks.articleIds.length > 0 && (await this.articleQuarters(officeId, marks.articleIds)).includes(quarter)) return true;
    for (const child of await this.records.rankedChildOffices(officeId)) {
      if (await this.isDirty(child.childOfficeId, quarter)) return true;
    }
    return false;
  }

  private async recomputeNow(payload: RecomputePayload, ctx?: Pick<JobContext, 'progress'>): Promise<RecomputeResult> {
    const { officeId } = payload;
    // Marks written from here on may describe changes this run does not read: they stay.
    const upTo = await this.dirty.lastMark(officeId);
    const versions = await this.schemes.versionsOf(officeId);
    const versionIds = versions.map((v) => v.id);
    const articleIds = payload.articleIds?.length ? [...new Set(payload.articleIds)].sort((a, b) => a - b) : undefined;
    const quarters = await this.targetQuarters(payload, articleIds);
    const asOfDate = this.clock.today();
    const result: RecomputeResult = { quarters, deleted: 0, inserted: 0 };
    for (let i = 0; i < quarters.length; i++) {
      const quarter = quarters[i];
      const version = versionInForce(versions, quarter);
      const scheme = version ? this.schemes.compile(version) : null;
      // Incremental only when the articles' lines do not depend on other articles' lines.
      const only = articleIds && scheme && !needsWholeQuarter(scheme) ? articleIds : undefined;
      const scope = { officeId, quarter, versionIds, articleIds: scheme ? only : articleIds };
      let rows: ReturnType<typeof toRow>[] = [];
      if (version && scheme) {
        const input = toEngineInput(await this.loader.load(officeId, quarter, { asOfDate, articleIds: only }));
        rows = scoreVersionQuarter(scheme, input, quarter).map((l) => toRow(officeId, version.id, l));
      }
      const done = await this.ledger.replace(scope, rows);
      result.deleted += done.deleted;
      result.inserted += done.inserted;
      await ctx?.progress(((i + 1) / quarters.length) * 100);
    }
    await this.dirty.clear({
      officeId, upTo,
      quarters: articleIds ? [] : quarters,
      articleIds: articleIds && !payload.quarters?.length && !payload.fromQuarter ? articleIds : undefined,
      from: articleIds || payload.quarters?.length ? undefined : (payload.fromQuarter ?? null),
    });
    this.logger.log(`recomputed ${quarters.length} quarter(s) of office ${officeId} (${payload.reason}): -${result.deleted} +${result.inserted} lines`);
    return result;
  }

  /**
   * One recompute per office at a time, in this process and across workers (Bull runs two
   * jobs at once per worker): a job that loaded records before another job's newer write must
   * not overwrite it. A later job waits, then loads what the earlier one left.
   */
  private async exclusive<T>(officeId: number, work: () => Promise<T>): Promise<T> {
    const previous = this.running.get(officeId) ?? Promise.resolve();
    let release!: () => void;
    const tail = previous.then(() => new Promise<void>((resolve) => (release = resolve)));
    this.running.set(officeId, tail);
    await previous;
    try {
      return await this.ledger.withOfficeLock(officeId, LOCK_WAIT_SECONDS, work);
    } finally {
      release();
      if (this.running.get(officeId) === tail) this.running.delete(officeId);
    }
  }

  private async targetQuarters(payload: RecomputePayload, articleIds?: number[]): Promise<string[]> {
    const bad = [...(payload.quarters ?? []), ...(payload.fromQuarter ? [payload.fromQuarter] : [])].find((q) => !isQuarter(q));
    if (bad) throw invalid({ quarters: `无效季度：${bad}` });
    let quarters: string[];
    if (payload.quarters?.length) quarters = [...payload.quarters];
    else if (articleIds) quarters = await this.articleQuarters(payload.officeId, articleIds);
    else quarters = await this.officeQuarters(payload.officeId);
    const from = payload.fromQuarter;
    // Requests and new records are held to the business range; rows an older version let in
    // (a report for 0000-01) are left unscored instead of failing every office-wide recompute.
    const range = businessRange();
    const set = new Set(quarters.filter((q) => quarterInRange(q, range) && (!from || compareQuarter(q, from) >= 0)));
    return [...set].sort(compareQuarter);
  }

  /**
   * Quarters an article change can move: those of its placements and instructions (any
   * status: a reopened entry's old lines must go), of 约稿 it answers, of its submission
   * (报送任务 and 采用率 count it even when never adopted), and of its stored lines.
   * Top-up lines only sit in quarters that have a placement of the article, so later quarters
   * without one are unaffected.
   */
  private async articleQuarters(officeId: number, articleIds: readonly number[]): Promise<string[]> {
    const dates = new Set<string>();
    for (const d of await this.records.articleDates(officeId, articleIds)) dates.add(quarterOf(d));
    for (const q of await this.ledger.storedQuarters(officeId, articleIds)) dates.add(q);
    return [...dates];
  }

  /**
   * Every quarter from the office's first record (or today, if none) to the later of today and
   * its last dated record, plus quarters that still hold lines. Starting at the first record,
   * not at the first version, keeps an office that adopts pubscore with a version dated years
   * back from collecting "missing monthly report" penalties for the years before it started.
   * The articles, placements and instructions rolled up from the offices below count as the
   * office's own records (a city without records of its own still scores its districts).
   */
  private async officeQuarters(officeId: number): Promise<string[]> {
    const below = (await this.records.rankedChildOffices(officeId)).map((c) => c.childOfficeId);
    const spans = await this.records.recordSpans(officeId, below);
    const today = quarterOf(this.clock.today());
    // Clamped to the business range: one stray year-0000 or year-9999 row must not stretch the span.
    const range = businessRange();
    const clamp = (q: string) => (q < range.minQuarter ? range.minQuarter : q > range.maxQuarter ? range.maxQuarter : q);
    const los = spans.map((s) => s.lo).filter((d): d is string => !!d).map((d) => clamp(quarterOf(d)));
    const his = spans.map((s) => s.hi).filter((d): d is string => !!d).map((d) => clamp(quarterOf(d)));
    const quarters = new Set(await this.ledger.storedQuarters(officeId));
    if (los.length > 0) {
      const first = los.sort(compareQuarter)[0];
      const last = [today, ...his].sort(compareQuarter).at(-1)!;
      for (let q = first; compareQuarter(q, last) <= 0; q = nextQuarter(q)) quarters.add(q);
    }
    return [...quarters];
  }
}
