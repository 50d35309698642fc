import { Injectable } from '@nestjs/common';
import { formatPoints, rankUnits } from '@app/scoring';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { writeYearSheet } from './ranking-sheets';
import { SnapshotsRepository } from './snapshots.repository';

/** Year-to-date and full-year standings, and the trend over quarters, built from published snapshots only. */
@Injectable()
export class YearRankingService {
  constructor(private readonly snapshots: SnapshotsRepository, private readonly audit: AuditService) {}

  /** Sums each unit's published quarter totals of `year` (up to `through`, e.g. 2023-Q2) and ranks them. */
  async year(user: AuthUser, year: number, through?: string) {
    const quarters = [1, 2, 3, 4].map((n) => `${year}-Q${n}`).filter((q) => !through || q <= through);
    const snapshots = await this.snapshots.latest(user.officeId, quarters);
    const rows = await this.snapshots.unitsOfSnapshots(snapshots.map((s) => s.id));
    const quarterOf = new Map(snapshots.map((s) => [s.id, s.quarter]));
    const units = new Map<number, { id: string; code: string; name: string; groupId: string; groupName: string }>();
    const totals = new Map<string, number>();
    const byQuarter = new Map<number, Record<string, number>>();
    for (const r of rows) {
      units.set(r.unitId, { id: String(r.unitId), code: r.unitCode, name: r.unitName, groupId: String(r.groupId), groupName: r.groupName });
      totals.set(String(r.unitId), (totals.get(String(r.unitId)) ?? 0) + r.total);
      byQuarter.set(r.unitId, { ...(byQuarter.get(r.unitId) ?? {}), [quarterOf.get(r.snapshotId)!]: r.total });
    }
    const ranked = rankUnits([...units.values()], totals, 'competition');
    const toRow = (r: { unitId: string; code: string; name: string; total: number; rank: number }) => ({
      unitId: Number(r.unitId),
      code: r.code,
      name: r.name,
      total: r.total,
      totalText: formatPoints(r.total, 2),
      rank: r.rank,
      quarters: Object.fromEntries(Object.entries(byQuarter.get(Number(r.unitId)) ?? {}).map(([q, t]) => [q, formatPoints(t, 2)])),
    });
    return {
      year,
      quarters: snapshots.map((s) => ({ quarter: s.quarter, revision: s.revision, snapshotId: s.id })),
      complete: snapshots.length === 4,
      overall: ranked.overall.rows.map(toRow),
      groups: ranked.groups.map((g) => ({ groupName: g.groupName ?? '', rows: g.rows.map(toRow) })),
    };
  }

  /** The year view as a workbook: quarter totals and the sum, overall and per group. */
  async yearSheet(user: AuthUser, year: number, through?: string): Promise<Buffer> {
    const view = await this.year(user, year, through);
    await this.audit.record(user, 'export', 'year-ranking', year, null, { year, through: through ?? null });
    return writeYearSheet(year, view.quarters.map((q) => q.quarter), view.overall, view.groups);
  }

  /** Adoptions by level and the top units for the last `count` published quarters (the leaders' trend chart). */
  async trend(user: AuthUser, count: number) {
    const snapshots = (await this.snapshots.latest(user.officeId)).slice(-count);
    const units = await this.snapshots.unitsOfSnapshots(snapshots.map((s) => s.id));
    return snapshots.map((s) => ({
      quarter: s.quarter,
      revision: s.revision,
      snapshotId: s.id,
      placements: s.summary.placements,
      byLevel: s.summary.byLevel,
      byChannel: s.summary.byChannel,
      instructions: s.summary.instructions,
      articlesSubmitted: s.summary.articlesSubmitted,
      top: units
        .filter((u) => u.snapshotId === s.id)
        .sort((a, b) => a.overallRank - b.overallRank || a.unitCode.localeCompare(b.unitCode))
        .slice(0, 5)
        .map((u) => ({ unitId: u.unitId, name: u.unitName, total: u.total, totalText: formatPoints(u.total, 2), rank: u.overallRank })),
    }));
  }
}
