import type { ReviewResult } from '@app/contracts';
import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ENTRY_STATUS_LABELS, type EntryStatus } from '@app/contracts';
import { quarterOf } from '@app/scoring';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { loadVisibleArticle } from '../articles/article-access';
import type { Article } from '../articles/article.entity';
import { AppError, conflict, forbidden, invalid, notFound } from '../common/app-error';
import { EvidenceRepository } from '../evidence/evidence.repository';
import type { Instruction } from '../instructions/instruction.entity';
import { loadVisibleItem } from '../items/item-access';
import { ItemRecord } from '../items/item-record.entity';
import { ItemsService } from '../items/items.service';
import type { JobRequest } from '../jobs/job-request.entity';
import { JobsService } from '../jobs/jobs.service';
import { NotificationsService } from '../notifications/notifications.service';
import type { Placement } from '../placements/placement.entity';
import { UnitOfWork } from '../database/unit-of-work';
import type { SchemeVersion } from '../schemes/scheme-version.entity';
import { SchemesService, versionInForce } from '../schemes/schemes.service';
import { storeRecompute } from '../score-ledger/request-recompute';
import type { BulkReviewDto, EntryType, ReviewAction } from './dto/review.dto';
import { PARENT_AT_LEAST, TRANSITIONS, fromStatesFor } from './review-rules';
import { ReviewRepository } from './review.repository';
import { Clock } from '../common/clock';

const AUDIT_NAME = { articles: 'article', placements: 'placement', instructions: 'instruction', items: 'item' } as const;
const LABEL = { articles: '稿件', placements: '录用记录', instructions: '批示记录', items: '事项记录' } as const;

type Entry = Article | Placement | Instruction | ItemRecord;

/** What a move changed that scores read: articles' lines, or (for 事项) the quarters of these dates. */
interface Scored {
  articleIds: number[];
  itemDates: string[];
}

@Injectable()
export class ReviewService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly entries: ReviewRepository,
    private readonly evidence: EvidenceRepository,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly items: ItemsService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
    private readonly schemes: SchemesService,
  ) {}

  async act(user: AuthUser, type: EntryType, id: number, action: ReviewAction, reason?: string): Promise<ReviewResult> {
    const { result, request } = await this.uow.run(async (manager) => {
      const moved = await this.move(manager, user, type, id, action, reason);
      return { result: moved.result, request: await this.storeRecompute(manager, user, moved.scored) };
    });
    await this.jobs.handOver(request);
    return result;
  }

  /** Each item in its own transaction: one bad item does not undo the others; each gets its answer. */
  async bulk(user: AuthUser, dto: BulkReviewDto) {
    const results: ({ ok: true } & ReviewResult | { ok: false; type: EntryType; id: number; code: string; message: string })[] = [];
    const requests: JobRequest[] = [];
    for (const item of dto.items) {
      try {
        const { result, request } = await this.uow.run(async (manager) => {
          const moved = await this.move(manager, user, item.type, item.id, dto.action, dto.reason);
          return { result: moved.result, request: await this.storeRecompute(manager, user, moved.scored) };
        });
        requests.push(...request);
        results.push({ ok: true, ...result });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results.push({ ok: false, type: item.type, id: item.id, code: error.code, message: error.message });
      }
    }
    // The items' requests are merged into one recompute as they are handed over.
    await this.jobs.handOver(requests);
    return { succeeded: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length, results };
  }

  private async move(manager: EntityManager, user: AuthUser, type: EntryType, id: number, action: ReviewAction, reason?: string) {
    const rule = TRANSITIONS[action];
    if (!rule.roles.includes(user.role)) throw forbidden(`当前角色不能执行「${rule.label}」`);
    if (rule.reasonRequired && !reason?.trim()) throw invalid({ reason: `${rule.label}时必须填写原因` });
    const { entry, article, unitId } = await this.load(manager, user, type, id);
    this.assertActsForUnit(user, unitId, type, action);
    const from = fromStatesFor(action, user.role);
    if (!from.includes(entry.status)) {
      throw conflict('invalid_transition', `${LABEL[type]}当前状态为「${statusLabel(entry.status)}」，不能${rule.label}`);
    }
    if (article && type !== 'articles' && PARENT_AT_LEAST[action] && !PARENT_AT_LEAST[action]!.includes(article.status)) {
      throw conflict('parent_not_ready', `请先${rule.label}所属稿件（当前「${statusLabel(article.status)}」），或在稿件上一并操作`);
    }
    if (action === 'submit') await this.assertEvidence(manager, user, type, entry, from);
    if (rule.to === 'verified' && entry instanceof ItemRecord) await this.items.assertScorable(user.officeId, entry, manager);
    // Read before setStatus, which moves entry.status on.
    const wasVerified = entry.status === 'verified';
    await this.setStatus(manager, user, type, entry, rule.to, action, reason);
    if (action === 'return' || action === 'reject') await this.tellUnit(manager, user, type, entry, article, unitId, action, reason!.trim());
    let cascaded = 0;
    if (type === 'articles' && action !== 'reopen') {
      for (const childType of ['placements', 'instructions'] as const) {
        const children = await this.entries.findChildrenInStates(childType, id, from, manager);
        for (const child of children) await this.setStatus(manager, user, childType, child, rule.to, action, reason);
        cascaded += children.length;
      }
    }
    const touchesScores = rule.to === 'verified' || wasVerified;
    const scored: Scored = { articleIds: [], itemDates: [] };
    if (touchesScores && article) scored.articleIds.push(article.id);
    if (touchesScores && entry instanceof ItemRecord) scored.itemDates.push(entry.itemDate);
    return { result: { type, id, status: rule.to, cascaded }, scored };
  }

  /**
   * The entry and whom it belongs to: an article's owning unit (children follow their article),
   * or a 事项's own unit — a 事项 has no parent article to wait for.
   */
  private async load(manager: EntityManager, user: AuthUser, type: EntryType, id: number): Promise<{ entry: Entry; article: Article | null; unitId: number }> {
    if (type === 'articles') {
      const article = await loadVisibleArticle(manager, user, id);
      return { entry: article, article, unitId: article.ownerUnitId };
    }
    if (type === 'items') {
      const item = await loadVisibleItem(manager, user, id);
      return { entry: item, article: null, unitId: item.unitId };
    }
    const entry = await this.entries.findChildEntry(type, id, user.officeId, manager);
    if (!entry) throw notFound(LABEL[type]);
    const article = await loadVisibleArticle(manager, user, entry.articleId).catch(() => {
      throw notFound(LABEL[type]);
    });
    return { entry, article, unitId: article.ownerUnitId };
  }

  /**
   * A returned or rejected entry is the unit's to act on: its officers are told (and its
   * reviewers too when the office decided), in the move's transaction.
   */
  private async tellUnit(manager: EntityManager, user: AuthUser, type: EntryType, entry: Entry, article: Article | null, unitId: number, action: 'return' | 'reject', reason: string) {
    const what = article ? `《${article.title}》${type === 'articles' ? '' : `的${LABEL[type]}`}` : `事项《${(entry as ItemRecord).title}》`;
    const by = user.role === 'reviewer' ? '单位审核人' : '办公室';
    const title = action === 'return' ? `${by}退回了${what}：${reason}` : `办公室认定${what}不予采用：${reason}`;
    const roles = user.role === 'reviewer' ? (['officer'] as const) : (['officer', 'reviewer'] as const);
    await this.notifications.notifyUnits(user.officeId, [unitId], {
      kind: action === 'return' ? 'entry-returned' : 'entry-rejected',
      title,
      link: article ? `/articles/${article.id}` : '/items',
      // Every return is news, even of an entry returned before.
      dedupeKey: `${action}:${type}:${entry.id}:${randomUUID()}`,
    }, manager, [...roles]);
  }

  /**
   * The one evidence rule of every path (the entry form, 提交 in the list, bulk submit): each
   * placement submitted — the article's draft or returned ones go with it — needs an evidence
   * file, unless the scheme in force for its quarter says evidence may follow (`evidenceLater`).
   */
  private async assertEvidence(manager: EntityManager, user: AuthUser, type: EntryType, entry: Entry, from: EntryStatus[]) {
    let placements: Placement[] = [];
    if (type === 'placements') placements = [entry as Placement];
    if (type === 'articles') placements = await this.entries.findChildrenInStates('placements', entry.id, from, manager) as Placement[];
    if (placements.length === 0) return;
    const proven = await this.evidence.ownersWithEvidence('placement', placements.map((p) => p.id), manager);
    const errors: Record<string, string> = {};
    const versions = await this.schemes.versionsOf(user.officeId, manager);
    for (const [i, p] of placements.entries()) {
      if (proven.has(p.id) || this.evidenceLaterIn(versions, p.publishedDate)) continue;
      errors[type === 'articles' ? `placements.${i}.evidence` : 'evidence'] = '提交审核前请上传证明材料（截图、扫描件或 PDF）';
    }
    const missing = Object.keys(errors).length;
    if (missing > 0) {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'evidence_required', type === 'articles' ? `有 ${missing} 条录用缺少证明材料，请上传后再提交` : '这条录用缺少证明材料，请上传后再提交', errors);
    }
  }

  /** What the entry form checks before sending: may a placement of `date` be submitted without evidence? */
  async evidenceRule(user: AuthUser, date: string): Promise<{ date: string; quarter: string; evidenceLater: boolean }> {
    return { date, quarter: quarterOf(date), evidenceLater: this.evidenceLaterIn(await this.schemes.versionsOf(user.officeId), date) };
  }

  private evidenceLaterIn(versions: SchemeVersion[], date: string): boolean {
    const version = versionInForce(versions, quarterOf(date));
    return !!version && this.schemes.compile(version).compiled.evidenceLater;
  }

  /** Officers submit and reviewers approve for the owning unit only. */
  private assertActsForUnit(user: AuthUser, unitId: number, type: EntryType, action: ReviewAction) {
    if ((user.role === 'officer' || user.role === 'reviewer') && unitId !== user.unitId) {
      throw forbidden(`只能${TRANSITIONS[action].label}本单位${type === 'items' ? '的事项' : '报送的稿件'}`);
    }
  }

  private async setStatus(manager: EntityManager, user: AuthUser, type: EntryType, entry: Entry, to: EntryStatus, action: ReviewAction, reason?: string) {
    const before = entry.status;
    const changes: Partial<Entry> = { status: to, reviewNote: action === 'return' || action === 'reject' || action === 'reopen' ? reason!.trim() : entry.reviewNote };
    if (to === 'verified') Object.assign(changes, { verifiedBy: user.id, verifiedAt: this.clock.now() });
    if (before === 'verified') Object.assign(changes, { verifiedBy: null, verifiedAt: null });
    await this.entries.setReviewColumns(type, entry.id, changes as Partial<Placement>, manager);
    entry.status = to;
    await this.audit.record(user, `status:${to}`, AUDIT_NAME[type], entry.id, { status: before }, { status: to, action, reason: reason ?? null }, manager);
  }

  /**
   * Verified records are what scores: a change in or out of "verified" recomputes those
   * articles' lines (a 事项's quarter). The request is stored in the change's transaction (see storeRecompute).
   */
  private async storeRecompute(manager: EntityManager, user: AuthUser, scored: Scored): Promise<JobRequest[]> {
    const requests: JobRequest[] = [];
    if (scored.articleIds.length > 0) {
      const sorted = [...new Set(scored.articleIds)].sort((a, b) => a - b);
      requests.push(await storeRecompute(this.jobs, { officeId: user.officeId, articleIds: sorted, reason: 'review' }, user.id, manager));
    }
    if (scored.itemDates.length > 0) requests.push(await this.items.storeRecompute(manager, user, scored.itemDates));
    return requests;
  }
}

const statusLabel = (status: EntryStatus) => ENTRY_STATUS_LABELS[status];
