import type { PendingEntry, QuarterDetailResponse } from '@app/contracts';
import type { QuarterPeriod } from './quarter-period.entity';
import type { RankingSnapshot } from './ranking-snapshot.entity';

type SnapshotHead = Pick<RankingSnapshot, 'id' | 'revision' | 'schemeVersionId' | 'contentHash' | 'publishedAt'>;

/** A quarter's page as the API answers it: its stage and texts, what still waits, and its published revisions. */
export const toQuarterDetailResponse = (p: QuarterPeriod, pending: PendingEntry[], snapshots: SnapshotHead[]) =>
  ({
    quarter: p.quarter,
    stage: p.stage,
    version: p.version,
    reviewOpenedAt: p.reviewOpenedAt?.toISOString() ?? null,
    disputeUntil: p.disputeUntil,
    closedAt: p.closedAt?.toISOString() ?? null,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    excludedEntries: p.excludedEntries,
    noticeTexts: p.noticeTexts,
    backfill: p.backfill,
    guardOverrides: p.guardOverrides,
    pending,
    snapshots: snapshots.map((s) => ({ id: s.id, revision: s.revision, schemeVersionId: s.schemeVersionId, contentHash: s.contentHash, publishedAt: s.publishedAt.toISOString() })),
  }) satisfies QuarterDetailResponse;
