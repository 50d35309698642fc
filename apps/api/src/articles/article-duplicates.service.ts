import { Injectable } from '@nestjs/common';
import { OTHER_UNIT_SIMILAR_TITLE, type SimilarArticle } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { isUnitScoped } from '../auth/scope';
import { conflict, invalid } from '../common/app-error';
import { CommissionsService } from '../commissions/commissions.service';
import { UnitOfWork } from '../database/unit-of-work';
import { ArticlesRepository } from './articles.repository';
import { SIMILARITY_THRESHOLD, normalizeTitle, titleSimilarity } from './title-similarity';
import { Clock } from '../common/clock';

/** Possible duplicates (same story sent by two units, or entered twice) and what the office does about them. */
@Injectable()
export class ArticleDuplicatesService {
  constructor(
    private readonly articles: ArticlesRepository,
    private readonly uow: UnitOfWork,
    private readonly commissions: CommissionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Similar titles recorded in the office in the last two years, most similar first. Officers
   * and reviewers learn of another unit's article only that it exists and how alike it reads.
   */
  async similar(user: AuthUser, title: string, excludeId?: number): Promise<SimilarArticle[]> {
    const normalized = normalizeTitle(title);
    if (normalized.length < 4) return [];
    const since = new Date(this.clock.now().getTime() - 730 * 86_400_000).toISOString().slice(0, 10);
    const candidates = await this.articles.findTitlesSince(user.officeId, since);
    const distinct = excludeId ? await this.articles.findDistinctPartners(user.officeId, excludeId) : new Set<number>();
    const matches = candidates
      .filter((c) => c.id !== excludeId && !distinct.has(c.id))
      .map((c) => ({ ...c, similarity: titleSimilarity(normalized, c.normalizedTitle) }))
      .filter((c) => c.similarity >= SIMILARITY_THRESHOLD)
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, 10);
    if (matches.length === 0) return [];
    const units = await this.articles.unitsWithNames(matches.map((m) => m.id));
    return matches.map((m): SimilarArticle => {
      const on = units.filter((u) => u.articleId === m.id);
      const similarity = Math.round(m.similarity * 100) / 100;
      if (isUnitScoped(user) && !on.some((u) => u.unitId === user.unitId)) return { ownUnit: false, title: OTHER_UNIT_SIMILAR_TITLE, similarity };
      return { ownUnit: true, id: m.id, title: m.title, submittedDate: m.submittedDate, unitNames: on.map((u) => u.unit?.name ?? ''), similarity };
    });
  }

  /** The office marks two similar articles as different stories; they are not suggested again. */
  async markDistinct(user: AuthUser, id: number, otherId: number): Promise<void> {
    if (id === otherId) throw invalid({ otherId: '不能与自身比较' });
    await this.uow.run(async (tx) => {
      await this.articles.findVisible(user, id, tx);
      await this.articles.findVisible(user, otherId, tx);
      const [a, b] = id < otherId ? [id, otherId] : [otherId, id];
      await this.articles.insertDistinctPair(tx, user.officeId, a, b);
      await this.audit.record(user, 'mark-distinct', 'article', id, null, { otherId }, tx);
    });
  }

  /**
   * Merges `otherId` into `id`: the result is one joint article of both units (equal shares
   * unless the office sets them afterwards) with both articles' placements and instructions;
   * a placement both had (same outlet and day) is kept once. Verified entries are not merged
   * silently: both articles must be unverified, or the office reopens them first.
   */
  async merge(user: AuthUser, id: number, otherId: number): Promise<void> {
    if (id === otherId) throw invalid({ otherId: '不能与自身合并' });
    await this.uow.run(async (tx) => {
      const keep = await this.articles.findVisible(user, id, tx);
      const other = await this.articles.findVisible(user, otherId, tx);
      if (keep.status === 'verified' || other.status === 'verified') throw conflict('locked', '已核定的稿件不能合并，请先撤销核定');
      const unitIds = new Set(keep.units!.map((u) => u.unitId));
      // The merged article's units sign after the kept article's, in the other's order.
      const last = Math.max(0, ...keep.units!.map((u) => u.position));
      const added = other.units!.filter((u) => !unitIds.has(u.unitId)).sort((x, y) => x.position - y.position)
        .map((u, i) => ({ unitId: u.unitId, shareBp: null, position: last + i + 1 }));
      await this.articles.mergeEntries(tx, id, otherId, added);
      await this.commissions.relinkAnswers(tx, otherId, id);
      if (!keep.commissionId && other.commissionId) await this.articles.setCommission(tx, id, other.commissionId);
      await this.articles.deleteMerged(tx, otherId);
      await this.audit.record(user, 'merge', 'article', id, { mergedArticle: other.title, mergedId: otherId }, { units: [...unitIds, ...added.map((a) => a.unitId)] }, tx);
    });
  }
}
