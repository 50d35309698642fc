import { ENTRY_STATUS_LABELS, LEVEL_LABELS, type ItemRecordResponse } from '@app/contracts';
import type { EvidenceFile } from '../evidence/evidence-file.entity';
import { toEvidenceResponse } from '../evidence/evidence-response';
import type { ItemRecord } from './item-record.entity';

export function toItemResponse(i: ItemRecord, names: { unitName?: string | null; articleTitle?: string | null } = {}, evidence: EvidenceFile[] = []): ItemRecordResponse {
  return {
    id: i.id,
    unitId: i.unitId,
    unitName: names.unitName ?? null,
    kind: i.kind,
    title: i.title,
    date: i.itemDate,
    level: i.level,
    levelLabel: i.level ? LEVEL_LABELS[i.level] : null,
    articleId: i.articleId,
    articleTitle: names.articleTitle ?? null,
    note: i.note,
    status: i.status,
    statusLabel: ENTRY_STATUS_LABELS[i.status],
    reviewNote: i.reviewNote,
    verifiedAt: i.verifiedAt?.toISOString() ?? null,
    version: i.version,
    evidence: evidence.map(toEvidenceResponse),
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}
