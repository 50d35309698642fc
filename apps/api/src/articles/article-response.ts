import { ENTRY_STATUS_LABELS, type ArticleResponse } from '@app/contracts';
import type { Article } from './article.entity';

/** What the API answers for an article (shares as percentages, units in signing order, labels in Chinese). */
export function toArticleResponse(article: Article) {
  const units = [...(article.units ?? [])].sort((a, b) => a.position - b.position).map((u) => ({
    unitId: u.unitId,
    unitName: u.unit?.name ?? null,
    sharePercent: u.shareBp === null ? null : u.shareBp / 100,
    position: u.position,
  }));
  return {
    id: article.id,
    title: article.title,
    summary: article.summary,
    wordCount: article.wordCount,
    genre: article.genre,
    authors: article.authors,
    submittedAt: article.submittedAt.toISOString(),
    submittedDate: article.submittedDate,
    /** set when the office recorded the submission time for the unit: how it came in */
    officeRecorded: article.officeRecordedBy !== null ? { receivedVia: article.receivedVia, receivedNote: article.receivedNote, by: article.officeRecordedBy } : null,
    ownerUnitId: article.ownerUnitId,
    commissionId: article.commissionId,
    status: article.status,
    statusLabel: ENTRY_STATUS_LABELS[article.status],
    reviewNote: article.reviewNote,
    verifiedAt: article.verifiedAt?.toISOString() ?? null,
    version: article.version,
    units,
    createdAt: article.createdAt.toISOString(),
    updatedAt: article.updatedAt.toISOString(),
  } satisfies ArticleResponse;
}

export type { ArticleResponse };
