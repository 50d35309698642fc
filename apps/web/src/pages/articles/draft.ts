import type { PlacementForm, Prominence, EvidenceFileResponse as EvidenceItem, PlacementResponse as Placement } from '@app/contracts';
import { today } from '@/utils/format';

/** One placement as the entry form holds it: saved (`id`) or not yet, with files waiting to upload. */
export interface PlacementDraft {
  key: number;
  id?: number;
  version?: number;
  status?: string;
  outletId?: number;
  outletName?: string | null;
  publishedAt: string;
  page: string;
  prominence: Prominence;
  form: PlacementForm;
  medium: string;
  url: string;
  views?: number;
  shares?: number;
  files: File[];
  existing: EvidenceItem[];
  warnings: string[];
}

export interface ArticleDraft {
  title: string;
  submittedAt: string;
  genre: string;
  authors: string;
  wordCount?: number;
  summary: string;
  /**
   * The units of a joint article in signing order (first = 第一署名单位); the owning unit is
   * the row marked `own` and is always on it. Empty for an article of one unit.
   */
  signers: Signer[];
}

export interface Signer {
  unitId?: number;
  sharePercent?: number;
  own?: boolean;
}

let nextKey = 1;

export function emptyPlacement(): PlacementDraft {
  return { key: nextKey++, publishedAt: today(), page: '', prominence: 'normal', form: 'full', medium: '', url: '', files: [], existing: [], warnings: [] };
}

export function placementDraft(p: Placement): PlacementDraft {
  return {
    key: nextKey++, id: p.id, version: p.version, status: p.status, outletId: p.outletId, outletName: p.outletName, publishedAt: p.publishedDate,
    page: p.page ?? '', prominence: p.prominence, form: p.form, medium: p.medium ?? '', url: p.url ?? '', views: p.views ?? undefined, shares: p.shares ?? undefined,
    files: [], existing: p.evidence, warnings: [],
  };
}

/** A new placement card left as it was opened (no outlet, file or text): not saved, not checked. */
export const blankPlacement = (p: PlacementDraft) =>
  !p.id && !p.outletId && p.files.length === 0 && !p.page && !p.url && p.views === undefined && p.shares === undefined;

/** Whether an officer may still change it (draft or returned). */
export const editable = (status?: string) => !status || status === 'draft' || status === 'returned';

export const GENRES = ['消息', '通讯', '经验交流', '调研报告', '言论评论', '图片新闻', '视频', '信息简报'];
