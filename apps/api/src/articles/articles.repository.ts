import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { updateVersioned } from '../common/optimistic';
import { desc, orderBy } from '../common/sort';
import { releaseEvidenceFiles } from '../evidence/evidence-file-cleanup';
import { EvidenceFile } from '../evidence/evidence-file.entity';
import { Instruction } from '../instructions/instruction.entity';
import { Placement } from '../placements/placement.entity';
import type { FileStore } from '../storage/file-store.service';
import { Unit } from '../units/unit.entity';
import { loadVisibleArticle } from './article-access';
import { ArticleDistinctPair } from './article-distinct-pair.entity';
import { filteredArticles } from './article-list-query';
import { ArticleUnit } from './article-unit.entity';
import { Article } from './article.entity';
import type { ListArticlesQuery } from './dto/article.dto';
import type { RecordedTitles } from './import/import-duplicates';

/** Columns of the article list (?sort=). */
const ARTICLE_SORT = { id: 'a.id', title: 'a.title', submittedDate: 'a.submittedAt', genre: 'a.genre', status: 'a.status', wordCount: 'a.wordCount' };

/** A unit on an article as stored: share in basis points (null = equal split). */
export interface ArticleUnitRow {
  unitId: number;
  shareBp: number | null;
  position: number;
}

/** An article's title as the duplicate lookup compares it. */
export interface TitleCandidate {
  id: number;
  title: string;
  normalizedTitle: string;
  submittedDate: string;
}

/**
 * Named queries over articles and their units. Methods that take `tx` join the caller's
 * transaction (UnitOfWork); without it they read outside any. The few reads and deletes of
 * other features' rows (units, draft placements and 批示 with their evidence) are here until
 * those features offer them; the 约稿 answers go through CommissionsService.
 */
@Injectable()
export class ArticlesRepository implements RecordedTitles {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(tx?: EntityManager): EntityManager {
    return tx ?? this.dataSource.manager;
  }

  /** One page of what the user may list, with each article's units (and their names) in signing order. */
  async listPage(user: AuthUser, query: ListArticlesQuery): Promise<{ rows: Article[]; total: number }> {
    const qb = filteredArticles(this.dataSource.manager, user, query);
    const [rows, total] = await orderBy(qb, query.sort, ARTICLE_SORT, [desc('a.submittedAt'), desc('a.id')]).skip((query.page - 1) * query.pageSize).take(query.pageSize).getManyAndCount();
    const units = await this.unitsWithNames(rows.map((r) => r.id));
    for (const row of rows) row.units = units.filter((u) => u.articleId === row.id);
    return { rows, total };
  }

  /** Every article the list would show with these filters (all pages), by submission date: the export. */
  findAllFiltered(user: AuthUser, query: ListArticlesQuery): Promise<Article[]> {
    return filteredArticles(this.dataSource.manager, user, query).orderBy('a.submittedDate', 'ASC').addOrderBy('a.id', 'ASC').getMany();
  }

  /** The units of these articles with their names, in signing order. */
  async unitsWithNames(articleIds: readonly number[]): Promise<ArticleUnit[]> {
    if (articleIds.length === 0) return [];
    return this.dataSource.getRepository(ArticleUnit).find({ where: { articleId: In([...articleIds]) }, relations: { unit: true }, order: { position: 'ASC' } });
  }

  /** An article the user may see, with its units (see loadVisibleArticle); 404 otherwise. */
  findVisible(user: AuthUser, id: number, tx?: EntityManager): Promise<Article> {
    return loadVisibleArticle(this.m(tx), user, id);
  }

  /** An article of the office whatever its units, or null. */
  findInOffice(officeId: number, id: number, tx?: EntityManager): Promise<Article | null> {
    return this.m(tx).findOne(Article, { where: { id, officeId } });
  }

  /** The units of the office among `ids` (active or not). */
  findOfficeUnits(officeId: number, ids: readonly number[], tx?: EntityManager): Promise<Unit[]> {
    return this.m(tx).find(Unit, { where: { id: In([...ids]), officeId } });
  }

  /** Inserts an article with its units; answers its id. */
  async insert(tx: EntityManager, row: Partial<Article>, units: readonly Omit<ArticleUnitRow, 'position'>[] | readonly ArticleUnitRow[]): Promise<number> {
    const article = await tx.save(Article, tx.create(Article, row));
    await tx.insert(ArticleUnit, units.map((u) => ({ ...u, articleId: article.id })));
    return article.id;
  }

  /** Saves `changes` if the article is still at `version` (409 stale_version otherwise). */
  updateVersioned(tx: EntityManager, id: number, version: number, changes: Partial<Article>): Promise<void> {
    return updateVersioned(tx, Article, id, version, changes);
  }

  /** Replaces the article's units. */
  async replaceUnits(tx: EntityManager, id: number, units: readonly object[]): Promise<void> {
    await tx.delete(ArticleUnit, { articleId: id });
    await tx.insert(ArticleUnit, units.map((u) => ({ ...u, articleId: id })));
  }

  /** The placements and 批示 recorded on an article. */
  async findEntries(tx: EntityManager, articleId: number): Promise<{ placements: Placement[]; instructions: Instruction[] }> {
    const [placements, instructions] = [await tx.find(Placement, { where: { articleId } }), await tx.find(Instruction, { where: { articleId } })];
    return { placements, instructions };
  }

  /** Deletes a placement or 批示 of a draft with its evidence rows; answers the evidence files to release after commit. */
  async deleteEntry(tx: EntityManager, ownerType: 'placement' | 'instruction', id: number): Promise<string[]> {
    const evidence = await tx.find(EvidenceFile, { select: { id: true, fileKey: true }, where: { ownerType, ownerId: id } });
    await tx.delete(EvidenceFile, { ownerType, ownerId: id });
    await tx.delete(ownerType === 'placement' ? Placement : Instruction, { id });
    return evidence.map((e) => e.fileKey);
  }

  /** Deletes an article and its units (its entries must be gone). */
  async delete(tx: EntityManager, id: number): Promise<void> {
    await tx.delete(ArticleUnit, { articleId: id });
    await tx.delete(Article, { id });
  }

  /** Removes the files no evidence row refers to any more; after the deleting transaction committed. */
  releaseEvidenceFiles(files: FileStore, keys: Iterable<string>): Promise<void> {
    return releaseEvidenceFiles(this.dataSource, files, keys);
  }

  /** The deadline of a 约稿 (a read of the commissions feature's table, which offers none yet). */
  async commissionDeadline(tx: EntityManager, commissionId: number): Promise<string | null> {
    const [c] = await tx.query('SELECT deadline FROM commissions WHERE id = ?', [commissionId]);
    return c ? String(c.deadline) : null;
  }

  /** Titles recorded in the office on or after `since` ('YYYY-MM-DD'). */
  findTitlesSince(officeId: number, since: string): Promise<TitleCandidate[]> {
    return this.dataSource.query('SELECT id, title, normalizedTitle, submittedDate FROM articles WHERE officeId = ? AND submittedDate >= ?', [officeId, since]);
  }

  /** The units (with names) of these articles, in the order they were stored: what an import's duplicate warning names. */
  findUnitNames(articleIds: readonly number[]): Promise<{ articleId: number; unitId: number; name: string }[]> {
    if (articleIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT au.articleId AS articleId, au.unitId AS unitId, u.name AS name FROM article_units au JOIN units u ON u.id = au.unitId WHERE au.articleId IN (${articleIds.map(() => '?').join(', ')}) ORDER BY au.id`,
      [...articleIds],
    );
  }

  /** Ids of the articles the office marked as different stories from `id`. */
  async findDistinctPartners(officeId: number, id: number): Promise<Set<number>> {
    const pairs = await this.dataSource.getRepository(ArticleDistinctPair).find({ where: [{ officeId, articleIdA: id }, { officeId, articleIdB: id }] });
    return new Set(pairs.map((p) => (p.articleIdA === id ? p.articleIdB : p.articleIdA)));
  }

  /** Records that two articles (a < b) are different stories, once. */
  async insertDistinctPair(tx: EntityManager, officeId: number, a: number, b: number): Promise<void> {
    const exists = await tx.findOne(ArticleDistinctPair, { where: { officeId, articleIdA: a, articleIdB: b } });
    if (!exists) await tx.insert(ArticleDistinctPair, { officeId, articleIdA: a, articleIdB: b });
  }

  /**
   * The entries and units of article `otherId` moved onto `id` (a merge): `added` units sign
   * after the kept ones with equal shares; a placement both had (same outlet and day) is kept once.
   */
  async mergeEntries(tx: EntityManager, id: number, otherId: number, added: readonly ArticleUnitRow[]): Promise<void> {
    if (added.length > 0) {
      await tx.update(ArticleUnit, { articleId: id }, { shareBp: null });
      await tx.insert(ArticleUnit, added.map((u) => ({ ...u, articleId: id })));
    }
    const kept = await tx.find(Placement, { where: { articleId: id } });
    for (const p of await tx.find(Placement, { where: { articleId: otherId } })) {
      const twin = kept.find((k) => k.outletId === p.outletId && k.publishedDate === p.publishedDate);
      if (twin) await tx.delete(Placement, { id: p.id });
      else await tx.update(Placement, { id: p.id }, { articleId: id });
    }
    await tx.update(Instruction, { articleId: otherId }, { articleId: id });
  }

  /** Sets the 约稿 an article answers. */
  async setCommission(tx: EntityManager, id: number, commissionId: number): Promise<void> {
    await tx.update(Article, { id }, { commissionId });
  }

  /** Deletes a merged-away article with its units and its distinct-pair marks. */
  async deleteMerged(tx: EntityManager, id: number): Promise<void> {
    await tx.delete(ArticleDistinctPair, [{ articleIdA: id }, { articleIdB: id }]);
    await this.delete(tx, id);
  }

  /** Units (with names and shares) and placements (with outlet names) of these articles, for the export. */
  async exportDetails(articleIds: readonly number[]): Promise<{ units: ExportUnitRow[]; placements: ExportPlacementRow[] }> {
    if (articleIds.length === 0) return { units: [], placements: [] };
    const marks = articleIds.map(() => '?').join(', ');
    const units: ExportUnitRow[] = await this.dataSource.query(
      `SELECT au.articleId AS articleId, au.unitId AS unitId, u.name AS name, au.shareBp AS shareBp FROM article_units au JOIN units u ON u.id = au.unitId WHERE au.articleId IN (${marks}) ORDER BY au.articleId, au.position`,
      [...articleIds],
    );
    const placements: ExportPlacementRow[] = await this.dataSource.query(
      `SELECT p.articleId AS articleId, o.name AS outletName, p.publishedDate AS publishedDate, p.page AS page, p.prominence AS prominence, p.url AS url,
              p.form AS form, p.views AS views FROM placements p JOIN outlets o ON o.id = p.outletId WHERE p.articleId IN (${marks}) ORDER BY p.publishedDate, p.id`,
      [...articleIds],
    );
    return { units, placements };
  }
}

export interface ExportUnitRow {
  articleId: number;
  unitId: number;
  name: string;
  shareBp: number | null;
}

export interface ExportPlacementRow {
  articleId: number;
  outletName: string;
  publishedDate: string;
  page: string | null;
  prominence: Placement['prominence'];
  url: string | null;
  form: Placement['form'];
  views: number | null;
}
