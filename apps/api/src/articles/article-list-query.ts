import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { isUnitScoped } from '../auth/scope';
import { containsPattern, LIKE_ESCAPE } from '../common/like';
import { Article } from './article.entity';
import type { ListArticlesQuery } from './dto/article.dto';

/**
 * The articles a user may list with these filters, as alias `a` (a query of ArticlesRepository's). The list page and the
 * spreadsheet export both start here, so an export holds exactly what the list shows.
 */
export function filteredArticles(manager: EntityManager, user: AuthUser, query: ListArticlesQuery): SelectQueryBuilder<Article> {
  const qb = manager.getRepository(Article).createQueryBuilder('a').where('a.officeId = :officeId', { officeId: user.officeId });
  const unitId = isUnitScoped(user) ? user.unitId : query.unitId;
  if (unitId) qb.andWhere('a.id IN (SELECT au.articleId FROM article_units au WHERE au.unitId = :unitId)', { unitId });
  if (query.status) qb.andWhere('a.status = :status', { status: query.status });
  if (query.q) qb.andWhere(`(a.title LIKE :q ${LIKE_ESCAPE} OR a.authors LIKE :q ${LIKE_ESCAPE})`, { q: containsPattern(query.q) });
  if (query.from) qb.andWhere('a.submittedDate >= :from', { from: query.from.slice(0, 10) });
  if (query.to) qb.andWhere('a.submittedDate <= :to', { to: query.to.slice(0, 10) });
  return qb;
}
