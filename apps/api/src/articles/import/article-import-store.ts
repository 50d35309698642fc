import type { EntityManager } from 'typeorm';
import type { EntryStatus } from '@app/contracts';
import { zonedMidnight } from '../../common/business-date';
import { Placement } from '../../placements/placement.entity';
import { ArticleUnit } from '../article-unit.entity';
import { Article } from '../article.entity';
import { chunks, type ImportPlan } from './article-import-plan';
import type { PlacementDraft } from './article-row-validator';
import { bulkInsert } from './bulk-insert';

export interface StoreOptions {
  officeId: number;
  userId: number;
  status: Extract<EntryStatus, 'draft' | 'verified'>;
  timeZone: string;
  /** When the import happens (the Clock's now): the verification time of a verified import. */
  now: Date;
  /** Called after each chunk with the share of rows written so far (0–1). */
  progress: (done: number) => Promise<void>;
}

/**
 * Writes a plan with multi-row INSERTs of CHUNK rows (bulkInsert). Ids of the new articles are read back
 * by their keys (every imported article has one), which works the same on both databases.
 * Must run inside the caller's transaction.
 */
export async function storePlan(manager: EntityManager, plan: ImportPlan, options: StoreOptions): Promise<void> {
  const now = options.now;
  const review = {
    status: options.status,
    reviewNote: null,
    verifiedBy: options.status === 'verified' ? options.userId : null,
    verifiedAt: options.status === 'verified' ? now : null,
    createdBy: options.userId,
  };
  const total = plan.newArticles.length * 2 + plan.newArticles.reduce((n, a) => n + a.placements.length, 0) + plan.addedPlacements.length || 1;
  let written = 0;
  const step = async (n: number) => {
    written += n;
    await options.progress(written / total);
  };

  // zonedMidnight builds a time-zone formatter per call (~1 ms); a sheet has few distinct days.
  const midnights = new Map<string, Date>();
  const midnight = (date: string) => {
    let instant = midnights.get(date);
    if (!instant) midnights.set(date, (instant = zonedMidnight(date, options.timeZone)));
    return instant;
  };

  const ids = new Map<string, number>();
  for (const part of chunks(plan.newArticles)) {
    await bulkInsert(manager, Article, part.map((a) => ({
      officeId: options.officeId,
      title: a.title,
      normalizedTitle: a.normalizedTitle,
      summary: null,
      wordCount: a.wordCount,
      genre: a.genre,
      authors: a.authors,
      submittedAt: midnight(a.submittedDate),
      submittedDate: a.submittedDate,
      ownerUnitId: a.ownerUnitId,
      commissionId: null,
      externalKey: a.key,
      ...review,
    })));
    const rows: { id: number; externalKey: string }[] = await manager.query(
      `SELECT id, externalKey FROM articles WHERE officeId = ? AND externalKey IN (${part.map(() => '?').join(', ')})`,
      [options.officeId, ...part.map((a) => a.key)],
    );
    for (const r of rows) ids.set(r.externalKey, Number(r.id));
    await step(part.length);
  }

  const units = plan.newArticles.flatMap((a) => a.units.map((u, i) => ({ articleId: ids.get(a.key)!, unitId: u.unitId, shareBp: u.shareBp, position: i + 1 })));
  for (const part of chunks(units)) {
    await bulkInsert(manager, ArticleUnit, part);
  }
  await step(plan.newArticles.length);

  const placements: { articleId: number; placement: PlacementDraft }[] = [
    ...plan.newArticles.flatMap((a) => a.placements.map((placement) => ({ articleId: ids.get(a.key)!, placement }))),
    ...plan.addedPlacements,
  ];
  for (const part of chunks(placements)) {
    await bulkInsert(manager, Placement, part.map(({ articleId, placement: p }) => ({
      officeId: options.officeId,
      articleId,
      outletId: p.outletId,
      publishedAt: midnight(p.publishedDate),
      publishedDate: p.publishedDate,
      page: p.page,
      prominence: p.prominence,
      medium: null,
      url: p.url,
      form: p.form,
      views: p.views,
      shares: null,
      externalKey: p.key,
      ...review,
    })));
    await step(part.length);
  }
}
