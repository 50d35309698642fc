import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { OTHER_UNIT_SIMILAR_TITLE, type SimilarArticle } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { isUnitScoped } from '../auth/scope';
import { conflict, invalid } from '../common/app-error';
import { CommissionTarget } from '../commissions/commission-target.entity';
import { Instruction } from '../instructions/instruction.entity';
import { Placement } from '../placements/placement.entity';
import { loadVisibleArticle } from './article-access';
import { ArticleDistinctPair } from './article-distinct-pair.entity';
import { ArticleUnit } from './article-unit.entity';
import { Article } from './article.entity';
import { SIMILARITY_THRESHOLD, normalizeTitle, titleSimilarity } from './title-similarity';
import { Clock } from '../common/clock';

/** Possible duplicates (same story sent by two units, or entered twice) and what the office does about them. */
@Injectable()
export class ArticleDuplicatesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource, private readonly audit: AuditService, private readonly clock: Clock) {}

  /**
   * Similar titles recorded in the office in the last two years, most similar first. Officers
   * and reviewers learn of another unit's article only that it exists and how alike it reads.
   */
  async similar(user: AuthUser, title: string, excludeId?: number): Promise<SimilarArticle[]> {
    const normalized = normalizeTitle(title);
    if (normalized.length < 4) return [];
    const since = new Date(this.clock.now().getTime() - 730 * 86_400_000).toISOString().slice(0, 10);
    const candidates: { id: number; title: string; normalizedTitle: string; submittedDate: string }[] = await this.dataSource.query(
      'SELECT id, title, normalizedTitle, submittedDate FROM articles WHERE officeId = ? AND submittedDate >= ?',
      [user.officeId, since],
    );
    const distinct = excludeId ? await this.distinctFrom(user.officeId, excludeId) : new Set<number>();
    const matches = candidates
      .filter((c) => c.id !== excludeId && !distinct.has(c.id))
      .map((c) => ({ ...c, similarity: titleSimilarity(normalized, c.normalizedTitle) }))
      .filter((c) => c.similarity >= SIMILARITY_THRESHOLD)
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, 10);
    if (matches.length === 0) return [];
    const units = await this.dataSource.getRepository(ArticleUnit).find({ where: { articleId: In(matches.map((m) => m.id)) }, relations: { unit: true } });
    return matches.map((m): SimilarArticle => {
      const on = units.filter((u) => u.articleId === m.id);
      const similarity = Math.round(m.similarity * 100) / 100;
      if (isUnitScoped(user) && !on.some((u) => u.unitId === user.unitId)) return { ownUnit: false, title: OTHER_UNIT_SIMILAR_TITLE, similarity };
      return { ownUnit: true, id: m.id, title: m.title, submittedDate: m.submittedDate, unitNames: on.map((u) => u.unit?.name ?? ''), similarity };
    });
  }

  private async distinctFrom(officeId: number, id: number): Promise<Set<number>> {
    const pairs = await this.dataSource.getRepository(ArticleDistinctPair).find({ where: [{ officeId, articleIdA: id }, { officeId, articleIdB: id }] });
    return new Set(pairs.map((p) => (p.articleIdA === id ? p.articleIdB : p.articleIdA)));
  }

  /** The office marks two similar articles as different stories; they are not suggested again. */
  async markDistinct(user: AuthUser, id: number, otherId: number): Promise<void> {
    if (id === otherId) throw invalid({ otherId: '不能与自身比较' });
    await this.dataSource.transaction(async (manager) => {
      await loadVisibleArticle(manager, user, id);
      await loadVisibleArticle(manager, user, otherId);
      const [a, b] = id < otherId ? [id, otherId] : [otherId, id];
      const exists = await manager.findOne(ArticleDistinctPair, { where: { officeId: user.officeId, articleIdA: a, articleIdB: b } });
      if (!exists) await manager.insert(ArticleDistinctPair, { officeId: user.officeId, articleIdA: a, articleIdB: b });
      await this.audit.record(user, 'mark-distinct', 'article', id, null, { otherId }, manager);
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
    await this.dataSource.transaction(async (manager) => {
      const keep = await loadVisibleArticle(manager, user, id);
      const other = await loadVisibleArticle(manager, user, otherId);
      if (keep.status === 'verified' || other.status === 'verified') throw conflict('locked', '已核定的稿件不能合并，请先撤销核定');
      const unitIds = new Set(keep.units!.map((u) => u.unitId));
      // The merged article's units sign after the kept article's, in the other's order.
      const last = Math.max(0, ...keep.units!.map((u) => u.position));
      const added = other.units!.filter((u) => !unitIds.has(u.unitId)).sort((x, y) => x.position - y.position)
        .map((u, i) => ({ articleId: id, unitId: u.unitId, shareBp: null, position: last + i + 1 }));
      if (added.length > 0) {
        await manager.update(ArticleUnit, { articleId: id }, { shareBp: null });
        await manager.insert(ArticleUnit, added);
      }
      const kept = await manager.find(Placement, { where: { articleId: id } });
      for (const p of await manager.find(Placement, { where: { articleId: otherId } })) {
        const twin = kept.find((k) => k.outletId === p.outletId && k.publishedDate === p.publishedDate);
        if (twin) await manager.delete(Placement, { id: p.id });
        else await manager.update(Placement, { id: p.id }, { articleId: id });
      }
      await manager.update(Instruction, { articleId: otherId }, { articleId: id });
      await manager.update(CommissionTarget, { articleId: otherId }, { articleId: id });
      if (!keep.commissionId && other.commissionId) await manager.update(Article, { id }, { commissionId: other.commissionId });
      await manager.delete(ArticleDistinctPair, [{ articleIdA: otherId }, { articleIdB: otherId }]);
      await manager.delete(ArticleUnit, { articleId: otherId });
      await manager.delete(Article, { id: otherId });
      await this.audit.record(user, 'merge', 'article', id, { mergedArticle: other.title, mergedId: otherId }, { units: [...unitIds, ...added.map((a) => a.unitId)] }, manager);
    });
  }
}
