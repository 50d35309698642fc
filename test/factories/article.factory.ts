import type { DataSource } from 'typeorm';
import type { EntryStatus } from '@app/contracts';
import { ArticleUnit } from '../../apps/api/src/articles/article-unit.entity';
import { Article } from '../../apps/api/src/articles/article.entity';
import { normalizeTitle } from '../../apps/api/src/articles/title-similarity';
import { instant, reviewColumns, TEST_TIME_ZONE } from './records';
import { nextSeq } from './sequence';

/** A unit on an article: its id, or its id with a declared share in percent (60 = 60%). */
export type ArticleUnitSpec = number | { unitId: number; sharePercent?: number | null };

export interface ArticleSpec {
  officeId: number;
  units: ArticleUnitSpec[];
  title?: string;
  /** ISO timestamp with offset, or 'YYYY-MM-DD' (midnight in the business zone). */
  submittedAt?: Date | string;
  status?: EntryStatus;
  wordCount?: number | null;
  genre?: string | null;
  commissionId?: number | null;
}

/** Inserts articles (verified unless told otherwise) with their units, directly. */
export class ArticleFactory {
  constructor(private readonly ds: DataSource, private readonly timeZone = TEST_TIME_ZONE) {}

  async create(o: ArticleSpec): Promise<Article> {
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
      for (const [i, u] of units.entries()) {
        await manager.insert(ArticleUnit, { articleId: article.id, unitId: u.unitId, shareBp: u.sharePercent === null ? null : Math.round(u.sharePercent * 100), position: i + 1 });
      }
      return article;
    });
  }

  /**
   * Many articles in a few multi-row INSERTs (volume tests); returns their ids in order.
   * Rows are found again by a per-call external key, so no driver-specific insert ids are needed.
   */
  async createMany(specs: ArticleSpec[]): Promise<number[]> {
    const batch = `bulk-${nextSeq()}`;
    const rows = specs.map((o, i) => {
      const title = o.title ?? `测试稿件 ${nextSeq()}`;
      const submitted = instant(o.submittedAt ?? new Date(), this.timeZone);
      const first = typeof o.units[0] === 'number' ? o.units[0] : o.units[0].unitId;
      return {
        officeId: o.officeId, title, normalizedTitle: normalizeTitle(title), summary: null, wordCount: o.wordCount ?? null, genre: o.genre ?? null,
        authors: null, submittedAt: submitted.at, submittedDate: submitted.date, ownerUnitId: first, commissionId: o.commissionId ?? null,
        externalKey: `${batch}-${i}`, ...reviewColumns(o.status),
      };
    });
    const repo = this.ds.getRepository(Article);
    for (let i = 0; i < rows.length; i += 200) await repo.insert(rows.slice(i, i + 200));
    const found = await repo.createQueryBuilder('a').select(['a.id', 'a.externalKey']).where('a.externalKey LIKE :k', { k: `${batch}-%` }).getMany();
    const idByKey = new Map(found.map((a) => [a.externalKey, a.id]));
    const ids = rows.map((r) => idByKey.get(r.externalKey)!);
    const units = specs.flatMap((o, i) => o.units.map((u) => (typeof u === 'number' ? { unitId: u, sharePercent: null } : { unitId: u.unitId, sharePercent: u.sharePercent ?? null }))
      .map((u, k) => ({ articleId: ids[i], unitId: u.unitId, shareBp: u.sharePercent === null ? null : Math.round(u.sharePercent * 100), position: k + 1 })));
    for (let i = 0; i < units.length; i += 500) await this.ds.getRepository(ArticleUnit).insert(units.slice(i, i + 500));
    return ids;
  }
}
