import type { DataSource } from 'typeorm';
import type { EntryStatus } from '@app/contracts';
import { ArticleUnit } from '../../apps/api/src/articles/article-unit.entity';
import { Article } from '../../apps/api/src/articles/article.entity';
import { normalizeTitle } from '../../apps/api/src/articles/title-similarity';
import { instant, reviewColumns, TEST_TIME_ZONE } from './records';
import { nextSeq } from './sequence';

/** A unit on an article: its id, or its id with a declared share in percent (60 = 60%). */
export type ArticleUnitSpec = number | { unitId: number; sharePercent?: number | null };

/** Inserts an article (verified unless told otherwise) with its units, directly. */
export class ArticleFactory {
  constructor(private readonly ds: DataSource, private readonly timeZone = TEST_TIME_ZONE) {}

  async create(o: {
    officeId: number;
    units: ArticleUnitSpec[];
    title?: string;
    /** ISO timestamp with offset, or 'YYYY-MM-DD' (midnight in the business zone). */
    submittedAt?: Date | string;
    status?: EntryStatus;
    wordCount?: number | null;
    genre?: string | null;
    commissionId?: number | null;
  }): Promise<Article> {
    const title = o.title ?? `测试稿件 ${nextSeq()}`;
    const submitted = instant(o.submittedAt ?? new Date(), this.timeZone);
    const units = o.units.map((u) => (typeof u === 'number' ? { unitId: u, sharePercent: null } : { unitId: u.unitId, sharePercent: u.sharePercent ?? null }));
    return this.ds.transaction(async (manager) => {
      const article = await manager.save(Article, manager.create(Article, {
        officeId: o.officeId,
        title,
        normalizedTitle: normalizeTitle(title),
        summary: null,
        wordCount: o.wordCount ?? null,
        genre: o.genre ?? null,
        authors: null,
        submittedAt: submitted.at,
        submittedDate: submitted.date,
        ownerUnitId: units[0].unitId,
        commissionId: o.commissionId ?? null,
        externalKey: null,
        ...reviewColumns(o.status),
      }));
      // One at a time, in order: the first unit listed is the article's first unit.
      for (const u of units) {
        await manager.insert(ArticleUnit, { articleId: article.id, unitId: u.unitId, shareBp: u.sharePercent === null ? null : Math.round(u.sharePercent * 100) });
      }
      return article;
    });
  }
}
