import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, In, Not, type DeepPartial, type EntityManager } from 'typeorm';
import { ArticleUnit } from '../articles/article-unit.entity';
import { Article } from '../articles/article.entity';
import { toNumber } from '../common/db-errors';
import { containsPattern, LIKE_ESCAPE } from '../common/like';
import { desc, orderBy } from '../common/sort';
import { CommissionTarget } from './commission-target.entity';
import { Commission } from './commission.entity';
import type { ListCommissionsQuery } from './dto/commission.dto';

/** The four columns of an answering article that a target's view shows. */
export interface AnswerArticle {
  id: number;
  title: string;
  submittedDate: string;
  status: string;
}

/**
 * Named queries over commissions and their targets (约稿). `tx` joins a caller's transaction
 * (UnitOfWork). The article queries at the end read and write the articles feature's table:
 * they stay here until articles has a repository of its own to ask.
 */
@Injectable()
export class CommissionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: EntityManager): EntityManager {
    return tx ?? this.dataSource.manager;
  }

  /**
   * One page of the office's commissions. With `unitId`: those targeting the unit (`answered`:
   * by that unit); without: `answered` means every target has answered.
   */
  findPage(officeId: number, unitId: number | undefined, today: string, query: ListCommissionsQuery): Promise<[Commission[], number]> {
    const qb = this.manager().createQueryBuilder(Commission, 'c').where('c.officeId = :officeId', { officeId });
    if (query.status === 'open') qb.andWhere('c.deadline >= :today', { today });
    if (query.status === 'closed') qb.andWhere('c.deadline < :today', { today });
    if (query.q) qb.andWhere(`c.topic LIKE :q ${LIKE_ESCAPE}`, { q: containsPattern(query.q) });
    if (unitId !== undefined) {
      const answered = query.answered === undefined ? '' : query.answered ? ' AND t.articleId IS NOT NULL' : ' AND t.articleId IS NULL';
      qb.andWhere(`c.id IN (SELECT t.commissionId FROM commission_targets t WHERE t.unitId = :unitId${answered})`, { unitId });
    } else if (query.answered !== undefined) {
      qb.andWhere(`c.id ${query.answered ? 'NOT IN' : 'IN'} (SELECT t.commissionId FROM commission_targets t WHERE t.articleId IS NULL)`);
    }
    return orderBy(qb, query.sort, { id: 'c.id', topic: 'c.topic', issuedDate: 'c.issuedDate', deadline: 'c.deadline' }, [desc('c.deadline'), desc('c.id')])
      .skip((query.page - 1) * query.pageSize).take(query.pageSize).getManyAndCount();
  }

  findInOffice(officeId: number, id: number, tx?: EntityManager): Promise<Commission | null> {
    return this.manager(tx).findOne(Commission, { where: { id, officeId } });
  }

  /** The office's commissions whose deadline falls in [from, to]. */
  findByDeadline(officeId: number, from: string, to: string): Promise<Commission[]> {
    return this.manager().find(Commission, { where: { officeId, deadline: Between(from, to) } });
  }

  insert(row: DeepPartial<Commission>, tx?: EntityManager): Promise<Commission> {
    const manager = this.manager(tx);
    return manager.save(Commission, manager.create(Commission, row));
  }

  /** Deletes a commission and its targets. */
  async delete(id: number, tx?: EntityManager): Promise<void> {
    const manager = this.manager(tx);
    await manager.delete(CommissionTarget, { commissionId: id });
    await manager.delete(Commission, { id });
  }

  findTargets(commissionId: number, tx?: EntityManager): Promise<CommissionTarget[]> {
    return this.manager(tx).find(CommissionTarget, { where: { commissionId } });
  }

  /** The targets of these commissions in the order they were added. */
  findTargetsOf(commissionIds: number[]): Promise<CommissionTarget[]> {
    return this.manager().find(CommissionTarget, { where: { commissionId: In(commissionIds) }, order: { id: 'ASC' } });
  }

  findTarget(commissionId: number, unitId: number, tx?: EntityManager): Promise<CommissionTarget | null> {
    return this.manager(tx).findOne(CommissionTarget, { where: { commissionId, unitId } });
  }

  async insertTargets(commissionId: number, unitIds: number[], tx?: EntityManager): Promise<void> {
    await this.manager(tx).insert(CommissionTarget, unitIds.map((unitId) => ({ commissionId, unitId })));
  }

  /** The targets answered with `articleId` point at `replacement`, or are unanswered again (null). */
  async relinkAnswers(articleId: number, replacement: number | null, tx?: EntityManager): Promise<void> {
    await this.manager(tx).update(CommissionTarget, { articleId }, replacement === null ? { articleId: null, answeredAt: null } : { articleId: replacement });
  }

  async deleteTargets(ids: number[], tx?: EntityManager): Promise<void> {
    await this.manager(tx).delete(CommissionTarget, { id: In(ids) });
  }

  async updateTarget(id: number, changes: Partial<CommissionTarget>, tx?: EntityManager): Promise<void> {
    await this.manager(tx).update(CommissionTarget, { id }, changes);
  }

  /** Whether another target of the commission is answered with this article (a joint article may answer for several). */
  otherTargetUsesArticle(commissionId: number, articleId: number, exceptTargetId: number, tx?: EntityManager): Promise<boolean> {
    return this.manager(tx).exists(CommissionTarget, { where: { commissionId, articleId, id: Not(exceptTargetId) } });
  }

  /** Answers whose article still exists: a deleted draft article is no answer (as in the views). */
  async countAnswered(commissionId: number, tx?: EntityManager): Promise<number> {
    const rows = await this.manager(tx).query('SELECT COUNT(*) AS n FROM commission_targets t JOIN articles a ON a.id = t.articleId WHERE t.commissionId = ?', [commissionId]);
    return toNumber(rows[0]?.n);
  }

  /** Cross-feature read (articles): the answering articles of the office among `ids`, four columns only. */
  async answerArticles(officeId: number, ids: number[]): Promise<AnswerArticle[]> {
    if (ids.length === 0) return [];
    const rows: { id: unknown; title: string; submittedDate: string; status: string }[] = await this.manager().query(
      `SELECT id, title, submittedDate, status FROM articles WHERE officeId = ? AND id IN (${ids.map(() => '?').join(', ')})`,
      [officeId, ...ids],
    );
    return rows.map((r) => ({ id: toNumber(r.id), title: r.title, submittedDate: r.submittedDate, status: r.status }));
  }

  /** Cross-feature read (articles): an article of the office, or null. */
  findArticle(officeId: number, id: number, tx?: EntityManager): Promise<Article | null> {
    return this.manager(tx).findOne(Article, { where: { id, officeId } });
  }

  /** Cross-feature read (articles): whether the unit is on the article (joint ones included). */
  isArticleOfUnit(articleId: number, unitId: number, tx?: EntityManager): Promise<boolean> {
    return this.manager(tx).exists(ArticleUnit, { where: { articleId, unitId } });
  }

  /** Cross-feature write (articles): the submission time the office recorded for an answer. */
  async setArticleSubmission(articleId: number, submission: Partial<Article>, tx?: EntityManager): Promise<void> {
    await this.manager(tx).createQueryBuilder().update(Article).set(submission).where('id = :id', { id: articleId }).execute();
  }

  /**
   * Cross-feature write (articles): sets articles.commissionId (from `from`, when given). The
   * query builder bumps the article's version so a form opened before the link goes stale.
   * True when the article changed.
   */
  async setArticleCommission(articleId: number, from: number | null, to: number | null, tx?: EntityManager): Promise<boolean> {
    const qb = this.manager(tx).createQueryBuilder().update(Article).set({ commissionId: to }).where('id = :articleId', { articleId });
    if (from !== null) qb.andWhere('commissionId = :from', { from });
    return !!(await qb.execute()).affected;
  }
}
