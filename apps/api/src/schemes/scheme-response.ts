import { prevQuarter } from '@app/scoring';
import type { JobResponse } from '@app/contracts';
import type { SchemeSummary } from './scheme-load';
import type { SchemeVersion } from './scheme-version.entity';

export interface SchemeVersionResponse {
  id: number;
  versionNo: number;
  name: string;
  effectiveFrom: string;
  /** Last quarter it applies to (the quarter before the next version), null while it is the latest. */
  effectiveTo: string | null;
  note: string | null;
  /** A published ranking used it: it can no longer be edited. */
  locked: boolean;
  lockedAt: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface SchemeVersionDetail extends SchemeVersionResponse {
  document: string;
  summary: SchemeSummary;
}

/** The quarter before the next version's start, given every version of the office. */
export function effectiveToOf(v: SchemeVersion, all: readonly SchemeVersion[]): string | null {
  const next = all.filter((o) => o.effectiveFrom > v.effectiveFrom).sort((x, y) => (x.effectiveFrom < y.effectiveFrom ? -1 : 1))[0];
  return next ? prevQuarter(next.effectiveFrom) : null;
}

export function toSchemeVersionResponse(v: SchemeVersion, all: readonly SchemeVersion[]): SchemeVersionResponse {
  return {
    id: v.id,
    versionNo: v.versionNo,
    name: v.name,
    effectiveFrom: v.effectiveFrom,
    effectiveTo: effectiveToOf(v, all),
    note: v.note,
    locked: v.lockedAt !== null,
    lockedAt: v.lockedAt?.toISOString() ?? null,
    createdBy: v.createdBy,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
    version: v.version,
  };
}

export function toSchemeVersionDetail(v: SchemeVersion, all: readonly SchemeVersion[], summary: SchemeSummary): SchemeVersionDetail {
  return { ...toSchemeVersionResponse(v, all), document: v.document, summary };
}

/** A saved version and the recompute it queued (null when the queue was unavailable). */
export interface SchemeSaveResponse extends SchemeVersionDetail {
  recomputeJob: JobResponse | null;
}
