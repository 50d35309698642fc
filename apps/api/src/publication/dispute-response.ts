import type { DisputeRecord } from '@app/contracts';
import type { Dispute } from './dispute.entity';

/** A dispute as the API answers it: the entity without `officeId`, times as ISO text. */
export const toDisputeRecord = (d: Dispute) =>
  ({
    id: d.id,
    quarter: d.quarter,
    unitId: d.unitId,
    scoreLineId: d.scoreLineId,
    reason: d.reason,
    status: d.status,
    answer: d.answer,
    answeredBy: d.answeredBy,
    answeredAt: d.answeredAt?.toISOString() ?? null,
    createdBy: d.createdBy,
    version: d.version,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  }) satisfies DisputeRecord;
