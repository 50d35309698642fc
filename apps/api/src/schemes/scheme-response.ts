import { prevQuarter } from '@app/scoring';
import type { SchemeSaveResponse, SchemeVersionDetail, SchemeVersionResponse } from '@app/contracts';
import type { SchemeSummary } from './scheme-load';
import type { SchemeVersion } from './scheme-version.entity';

export type { SchemeSaveResponse, SchemeVersionDetail, SchemeVersionResponse };

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
