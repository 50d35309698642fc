import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Unit } from '../../units/unit.entity';
import { User } from '../../users/user.entity';
import { planImport, type ExistingArticle, type ImportPlan, type RecordedArticles } from './article-import-plan';
import { storePlan, type StoreOptions } from './article-import-store';
import type { ArticleDraft } from './article-row-validator';
import type { ImportProblem } from './article-sheet-layout';
import { planHistory, type HistoryPlan, type ValidatedHistory } from './history/history-plan';
import { storeHistory, type HistoryCounts, type HistoryStoreOptions } from './history/history-store';
import { ArticlesRepository } from '../articles.repository';
import { duplicateWarnings } from './import-duplicates';

/**
 * The queries of the spreadsheet import and export: the reference lists a sheet is read
 * against, what is already recorded (article-import-plan, import-duplicates, history-plan) and
 * the multi-row writes (article-import-store, history-store). Those modules hold the SQL and are
 * called only from here. The history sheets write other features' tables (月度报送, 约稿,
 * 批示, 事项, quarters) from history-store until those features offer bulk writes of their own.
 */
const marks = (n: number) => Array(n).fill('?').join(', ');

@Injectable()
export class ArticleImportRepository implements RecordedArticles {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly articles: ArticlesRepository,
  ) {}

  /** Every unit of the office, active or not: names in a sheet are matched against all of them. */
  findOfficeUnits(officeId: number): Promise<Unit[]> {
    return this.dataSource.getRepository(Unit).find({ where: { officeId } });
  }

  /** Every outlet of the office, active or not. */
  /** The active units of the office by code: the template's and export's lists (outlets: OutletsRepository.findAllVisible). */
  findActiveUnits(officeId: number): Promise<Unit[]> {
    return this.dataSource.getRepository(Unit).find({ where: { officeId, active: true }, order: { code: 'ASC' } });
  }

  /** The user who started an import (for the audit entry), or null. */
  findUser(id: number): Promise<User | null> {
    return this.dataSource.getRepository(User).findOne({ where: { id } });
  }

  /** What a validated sheet adds against what is recorded (see planImport). */
  planArticles(officeId: number, ownUnitId: number | null, drafts: ArticleDraft[], submittedFrom: string | null): Promise<ImportPlan> {
    return planImport(this, officeId, ownUnitId, drafts, submittedFrom);
  }

  findByColumn(officeId: number, column: 'externalKey' | 'normalizedTitle', values: readonly string[]): Promise<Omit<ExistingArticle, 'unitSet'>[]> {
    return this.dataSource.query(
      `SELECT id, externalKey, title, normalizedTitle, status, ownerUnitId FROM articles WHERE officeId = ? AND ${column} IN (${marks(values.length)})`,
      [officeId, ...values],
    );
  }

  findUnitIds(articleIds: readonly number[]): Promise<{ articleId: number; unitId: number }[]> {
    return this.dataSource.query(`SELECT articleId, unitId FROM article_units WHERE articleId IN (${marks(articleIds.length)})`, [...articleIds]);
  }

  findPlacementDays(articleIds: readonly number[]): Promise<{ articleId: number; outletId: number; publishedDate: string }[]> {
    return this.dataSource.query(`SELECT articleId, outletId, publishedDate FROM placements WHERE articleId IN (${marks(articleIds.length)})`, [...articleIds]);
  }

  /** Warnings for new articles whose titles read like recorded ones (see duplicateWarnings). */
  similarTitleWarnings(officeId: number, ownUnitId: number | null, created: ArticleDraft[]): Promise<ImportProblem[]> {
    return duplicateWarnings(this.articles, officeId, ownUnitId, created);
  }

  /** Writes the articles and placements of a plan inside the import's transaction. */
  storeArticles(tx: EntityManager, plan: ImportPlan, options: StoreOptions): Promise<void> {
    return storePlan(tx, plan, options);
  }

  /** What the history sheets add against what is recorded (see planHistory). */
  planHistory(officeId: number, validated: ValidatedHistory, fileArticles: ArticleDraft[]): Promise<HistoryPlan> {
    return planHistory(this.dataSource.manager, officeId, validated, fileArticles);
  }

  /** Writes the history plan inside the import's transaction, after its articles. */
  storeHistory(tx: EntityManager, plan: HistoryPlan, options: HistoryStoreOptions): Promise<HistoryCounts> {
    return storeHistory(tx, plan, options);
  }
}
