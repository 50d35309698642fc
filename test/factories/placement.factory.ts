import type { DataSource } from 'typeorm';
import type { EntryStatus, Medium, Prominence } from '@app/contracts';
import type { Article } from '../../apps/api/src/articles/article.entity';
import type { Outlet } from '../../apps/api/src/outlets/outlet.entity';
import { Placement } from '../../apps/api/src/placements/placement.entity';
import { instant, reviewColumns, TEST_TIME_ZONE } from './records';

export interface PlacementSpec {
  article: Pick<Article, 'id' | 'officeId'>;
  outlet: Pick<Outlet, 'id'>;
  /** ISO timestamp with offset, or 'YYYY-MM-DD' (midnight in the business zone). */
  publishedAt: Date | string;
  prominence?: Prominence;
  medium?: Medium | null;
  status?: EntryStatus;
  page?: string | null;
}

/**
 * Inserts placements (verified unless told otherwise): publishedAt is stored in UTC and
 * publishedDate is its date in the business zone, as the placements feature does.
 */
export class PlacementFactory {
  constructor(private readonly ds: DataSource, private readonly timeZone = TEST_TIME_ZONE) {}

  create(o: PlacementSpec): Promise<Placement> {
    return this.ds.getRepository(Placement).save(this.row(o));
  }

  /** Many placements in multi-row INSERTs (volume tests). */
  async createMany(specs: PlacementSpec[]): Promise<void> {
    const rows = specs.map((o) => this.row(o));
    for (let i = 0; i < rows.length; i += 200) await this.ds.getRepository(Placement).insert(rows.slice(i, i + 200));
  }

  private row(o: PlacementSpec) {
    const published = instant(o.publishedAt, this.timeZone);
    return {
      officeId: o.article.officeId,
      articleId: o.article.id,
      outletId: o.outlet.id,
      publishedAt: published.at,
      publishedDate: published.date,
      page: o.page ?? null,
      prominence: o.prominence ?? 'normal',
      medium: o.medium ?? null,
      url: null,
      views: null,
      shares: null,
      externalKey: null,
      ...reviewColumns(o.status),
    };
  }
}
