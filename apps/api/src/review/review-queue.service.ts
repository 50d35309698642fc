import { Injectable } from '@nestjs/common';
import { ENTRY_STATUS_LABELS, LEVEL_LABELS, PROMINENCE_LABELS, type EntryStatus, type Page, type QueueItem } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { isUnitScoped } from '../auth/scope';
import type { ReviewQueueQuery } from './dto/review.dto';
import { ReviewQueueRepository } from './review-queue.repository';

/**
 * What waits for the caller: the reviewer sees their unit's submitted entries, the office
 * the unit-approved ones of every unit. One query for the count, one for the page's ids, both
 * on indexed columns, and one for the page's rows, so the queue stays fast with 100,000
 * placements recorded.
 */
@Injectable()
export class ReviewQueueService {
  constructor(private readonly queue: ReviewQueueRepository) {}

  async list(user: AuthUser, query: ReviewQueueQuery): Promise<Page<QueueItem>> {
    const status = query.status ?? (user.role === 'reviewer' || user.role === 'officer' ? 'submitted' : 'unit-approved');
    const unitId = isUnitScoped(user) ? user.unitId : query.unitId;
    const { total, ids } = await this.queue.findPageIds(user.officeId, status, unitId, query);
    const rows = await this.queue.pageRows(query.type, ids);
    return {
      items: rows.map((r) => this.toRow(query.type, r)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  private toRow(type: QueueItem['type'], r: Record<string, unknown>): QueueItem {
    const level = (r.level as keyof typeof LEVEL_LABELS) ?? null;
    return {
      type,
      id: Number(r.id),
      articleId: r.articleId === null || r.articleId === undefined ? null : Number(r.articleId),
      articleTitle: String(r.articleTitle),
      unitId: Number(r.unitId),
      unitName: String(r.unitName),
      status: r.status as EntryStatus,
      statusLabel: ENTRY_STATUS_LABELS[r.status as EntryStatus],
      date: String(r.date),
      outletName: (r.outletName as string) ?? null,
      level,
      levelLabel: level ? LEVEL_LABELS[level] : null,
      prominenceLabel: r.prominence ? PROMINENCE_LABELS[r.prominence as keyof typeof PROMINENCE_LABELS] : null,
      leaderTitle: (r.leaderTitle as string) ?? null,
      kind: (r.kind as string) ?? null,
      itemTitle: (r.itemTitle as string) ?? null,
      evidenceCount: Number(r.evidenceCount),
      version: Number(r.version),
    };
  }
}
