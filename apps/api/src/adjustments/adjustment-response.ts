import { ADJUSTMENT_STATUS_LABELS, type AdjustmentResponse } from '@app/contracts';
import { formatDecimal } from '@app/scoring';
import type { EvidenceFile } from '../evidence/evidence-file.entity';
import { toEvidenceResponse } from '../evidence/evidence-response';
import type { Adjustment } from './adjustment.entity';

export interface AdjustmentNames {
  unitName?: string | null;
  createdByName?: string | null;
  approvedByName?: string | null;
}

export function toAdjustmentResponse(a: Adjustment, names: AdjustmentNames = {}, evidence: EvidenceFile[] = []): AdjustmentResponse {
  return {
    id: a.id,
    unitId: a.unitId,
    unitName: names.unitName ?? null,
    quarter: a.quarter,
    points: formatDecimal(a.points),
    reason: a.reason,
    status: a.status,
    statusLabel: ADJUSTMENT_STATUS_LABELS[a.status],
    decisionNote: a.decisionNote,
    createdBy: a.createdBy,
    createdByName: names.createdByName ?? null,
    approvedBy: a.approvedBy,
    approvedByName: names.approvedByName ?? null,
    approvedAt: a.approvedAt?.toISOString() ?? null,
    version: a.version,
    evidence: evidence.map(toEvidenceResponse),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
