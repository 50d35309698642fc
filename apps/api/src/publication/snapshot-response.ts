import { formatPoints } from '@app/scoring';
import type { SnapshotResponse, SnapshotUnit as SnapshotUnitResponse } from '@app/contracts';
import type { RankingSnapshot } from './ranking-snapshot.entity';
import type { SnapshotUnit } from './snapshot-unit.entity';

/** A unit's frozen row as the API answers it: without the row id and snapshot id, which are storage. */
export const toSnapshotUnitResponse = (u: SnapshotUnit) =>
  ({
    unitId: u.unitId,
    unitCode: u.unitCode,
    unitName: u.unitName,
    groupId: u.groupId,
    groupName: u.groupName,
    total: u.total,
    totalText: formatPoints(u.total, 2),
    groupRank: u.groupRank,
    overallRank: u.overallRank,
    articlesSubmitted: u.articlesSubmitted,
    central: u.central,
    provincial: u.provincial,
    municipal: u.municipal,
    district: u.district,
    instructions: u.instructions,
    commissionsDone: u.commissionsDone,
    commissionsDue: u.commissionsDue,
    monthlyLate: u.monthlyLate,
    monthlyMissing: u.monthlyMissing,
  }) satisfies SnapshotUnitResponse;

/** A published revision as the API answers it: the frozen summary and unit rows, without the office, job and publisher ids. */
export const toSnapshotResponse = (s: RankingSnapshot, units: SnapshotUnit[]) =>
  ({
    id: s.id,
    quarter: s.quarter,
    revision: s.revision,
    schemeVersionId: s.schemeVersionId,
    contentHash: s.contentHash,
    publishedAt: s.publishedAt.toISOString(),
    summary: { ...s.summary, byLevel: { central: 0, provincial: 0, municipal: 0, district: 0, ...s.summary.byLevel } },
    units: units.map(toSnapshotUnitResponse),
  }) satisfies SnapshotResponse;
