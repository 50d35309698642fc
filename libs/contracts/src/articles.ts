/** Articles, their placements (录用/刊发) and leaders' instructions (批示), as the API answers them. */
import type { Channel, EntryStatus, Level, Medium, OfficeRecordedMark, PlacementForm, Prominence } from './enums';
import type { EvidenceFileResponse } from './responses';

/** Review columns of an entry (三级负责制). */
export interface ReviewedResponse {
  id: number;
  version: number;
  status: EntryStatus;
  statusLabel: string;
  reviewNote: string | null;
}

export interface ArticleUnitShare {
  unitId: number;
  unitName: string | null;
  /** null = equal split */
  sharePercent: number | null;
  /** signing order, 1 = 第一署名单位 */
  position: number;
}

export interface PlacementResponse extends ReviewedResponse {
  articleId: number;
  outletId: number;
  outletName: string | null;
  level: Level | null;
  levelLabel: string | null;
  channel: Channel | null;
  channelLabel: string | null;
  publishedAt: string;
  publishedDate: string;
  page: string | null;
  prominence: Prominence;
  prominenceLabel: string;
  form: PlacementForm;
  formLabel: string;
  medium: Medium | null;
  url: string | null;
  views: number | null;
  shares: number | null;
  evidence: EvidenceFileResponse[];
}

export interface InstructionResponse extends ReviewedResponse {
  articleId: number;
  leaderTitle: string;
  level: Level;
  instructedDate: string;
  content: string | null;
  evidence?: EvidenceFileResponse[];
}

export interface ArticleResponse extends ReviewedResponse {
  title: string;
  /** set when the office recorded the submission time for the unit */
  officeRecorded: (OfficeRecordedMark & { by: number | null }) | null;
  summary: string | null;
  wordCount: number | null;
  genre: string | null;
  authors: string | null;
  submittedAt: string;
  submittedDate: string;
  ownerUnitId: number;
  commissionId: number | null;
  verifiedAt: string | null;
  units: ArticleUnitShare[];
  createdAt: string;
  updatedAt: string;
}
