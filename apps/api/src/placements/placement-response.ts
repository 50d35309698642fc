import { CHANNEL_LABELS, ENTRY_STATUS_LABELS, LEVEL_LABELS, PLACEMENT_FORM_LABELS, PROMINENCE_LABELS, type PlacementResponse } from '@app/contracts';
import type { EvidenceFile } from '../evidence/evidence-file.entity';
import { toEvidenceResponse } from '../evidence/evidence-response';
import type { Placement } from './placement.entity';

export function toPlacementResponse(p: Placement, evidence: EvidenceFile[] = []) {
  return {
    id: p.id,
    articleId: p.articleId,
    outletId: p.outletId,
    outletName: p.outlet?.name ?? null,
    level: p.outlet?.level ?? null,
    levelLabel: p.outlet ? LEVEL_LABELS[p.outlet.level] : null,
    channel: p.outlet?.channel ?? null,
    channelLabel: p.outlet ? CHANNEL_LABELS[p.outlet.channel] : null,
    publishedAt: p.publishedAt.toISOString(),
    publishedDate: p.publishedDate,
    page: p.page,
    prominence: p.prominence,
    prominenceLabel: PROMINENCE_LABELS[p.prominence],
    medium: p.medium ?? p.outlet?.medium ?? null,
    form: p.form,
    formLabel: PLACEMENT_FORM_LABELS[p.form],
    url: p.url,
    views: p.views,
    shares: p.shares,
    status: p.status,
    statusLabel: ENTRY_STATUS_LABELS[p.status],
    reviewNote: p.reviewNote,
    version: p.version,
    evidence: evidence.map(toEvidenceResponse),
  } satisfies PlacementResponse;
}

export type { PlacementResponse };
