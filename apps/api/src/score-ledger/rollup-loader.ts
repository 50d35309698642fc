import { Injectable } from '@nestjs/common';
import type { RecordedArticle, RecordedArticleUnit, RecordedInput } from './recorded-input';
import { RecordsLoader, sharePercent, type LoadOptions } from './records-loader';
import { RecordsRepository } from './records.repository';

/**
 * The engine's input for an office that ranks the offices below it. Each office below is
 * ranked through the unit standing for it in the parent (`units.childOfficeId`): the verified
 * articles, placements and instructions of every unit of that office are loaded as the office's
 * own loader would, and each is credited to that one unit, so the parent's scheme decides what
 * counts (a city counting only municipal-and-above adoptions sets its scheme so). The office
 * below's 约稿, monthly reports, 事项 and 加减分 stay its own business: the parent records its own
 * about the unit. An office without such units loads exactly as before.
 */
@Injectable()
export class RollupLoader {
  constructor(
    private readonly repo: RecordsRepository,
    private readonly records: RecordsLoader,
  ) {}

  async load(officeId: number, quarter: string, options: LoadOptions): Promise<RecordedInput> {
    const own = await this.records.load(officeId, quarter, options);
    // An incremental run names the parent's own articles; the roll-up is loaded whole.
    if (options.articleIds) return own;
    for (const row of await this.repo.rankedChildOffices(officeId)) {
      const child = await this.records.load(row.childOfficeId, quarter, { asOfDate: options.asOfDate });
      const unitId = String(row.unitId);
      for (const article of child.articles) own.articles.push(creditedTo(article, unitId));
      for (const placement of child.placements) own.placements.push(placement);
      for (const instruction of child.instructions) own.instructions.push(instruction);
    }
    return own;
  }
}

/**
 * The article as the parent sees it: signed by the one unit standing for the office below. A
 * joint article of several of its units counts once, with their shares added up (all or none
 * of an article's units carry a share).
 */
export function creditedTo(article: RecordedArticle, unitId: string): RecordedArticle {
  // In basis points, so that 33.33 + 33.33 + 33.34 adds up to exactly 100.
  const shares = article.units.map((u) => (u.sharePercent === null || u.sharePercent === undefined ? null : Math.round(Number(u.sharePercent) * 100)));
  const unit: RecordedArticleUnit = {
    unitId,
    position: Math.min(...article.units.map((u) => u.position)),
    sharePercent: shares.some((s) => s === null) ? null : sharePercent(shares.reduce((sum: number, s) => sum + s!, 0)),
  };
  return { ...article, units: [unit] };
}
