import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { isUnitScoped } from '../auth/scope';
import { conflict, forbidden, notFound } from '../common/app-error';
import { Article } from './article.entity';

/**
 * Loads an article the caller may see: the office and leaders see every article of their
 * office; officers and reviewers only articles their unit is on (a joint article is visible
 * to every unit on it). Someone else's article answers 404, not 403, so ids reveal nothing.
 */
export async function loadVisibleArticle(manager: EntityManager, user: AuthUser, id: number): Promise<Article> {
  // A query builder without take/skip is one statement; findOne with relations adds a
  // SELECT DISTINCT pre-query for the ids (it pages over joined rows).
  const article = await manager.createQueryBuilder(Article, 'a')
    .leftJoinAndSelect('a.units', 'au')
    .leftJoinAndSelect('au.unit', 'u')
    .where('a.id = :id AND a.officeId = :officeId', { id, officeId: user.officeId })
    .orderBy('au.position', 'ASC')
    .getOne();
  if (!article) throw notFound('稿件');
  if (isUnitScoped(user) && !article.units!.some((u) => u.unitId === user.unitId)) throw notFound('稿件');
  return article;
}

/** What adding a placement to an article checks (assertCanAddChild) and dates it by. */
export type ArticleForChild = Pick<Article, 'id' | 'status' | 'ownerUnitId' | 'submittedDate'>;

/**
 * loadVisibleArticle for adding an entry to the article: the same rule and the same 404, read
 * as one plain statement (the article's row once per unit on it) without building and
 * hydrating the entity and its units, which cost a save more than the statement itself.
 */
export async function loadVisibleArticleForChild(manager: EntityManager, user: AuthUser, id: number): Promise<ArticleForChild> {
  const rows: Record<string, unknown>[] = await manager.query(
    'SELECT a.id, a.status, a.ownerUnitId, a.submittedDate, au.unitId FROM articles a LEFT JOIN article_units au ON au.articleId = a.id WHERE a.id = ? AND a.officeId = ?',
    [id, user.officeId],
  );
  if (rows.length === 0) throw notFound('稿件');
  if (isUnitScoped(user) && !rows.some((r) => r.unitId !== null && Number(r.unitId) === user.unitId)) throw notFound('稿件');
  const r = rows[0];
  return { id: Number(r.id), status: r.status as Article['status'], ownerUnitId: Number(r.ownerUnitId), submittedDate: String(r.submittedDate) };
}

/**
 * Who may change an entry's content: the owning unit's officer while it is a draft or
 * returned; the office until it is verified. Verified entries must be reopened first.
 */
export function assertEditable(user: AuthUser, article: Article, status: Article['status'], what = '该记录') {
  if (user.role === 'office' || user.role === 'admin') {
    if (status === 'verified') throw conflict('locked', `${what}已核定，需先撤销核定（重新打开）才能修改`);
    return;
  }
  if (user.role !== 'officer' || article.ownerUnitId !== user.unitId) throw forbidden('只有本单位信息员可以修改本单位报送的稿件');
  if (status !== 'draft' && status !== 'returned') throw conflict('not_editable', `${what}已提交审核，退回后才能修改`);
}

/**
 * Adding a placement or an instruction to an article: later adoptions keep coming after an
 * article was verified, so any state but rejected accepts a new (draft) child entry.
 */
export function assertCanAddChild(user: AuthUser, article: Pick<Article, 'status' | 'ownerUnitId'>) {
  if (article.status === 'rejected') throw conflict('not_editable', '稿件已被办公室认定不予采用，不能再添加记录');
  if (user.role === 'office' || user.role === 'admin') return;
  if (user.role !== 'officer' || article.ownerUnitId !== user.unitId) throw forbidden('只有本单位信息员可以为本单位稿件添加记录');
}
