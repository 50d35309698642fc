import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { adoptionRowHits, formatPoints, rankUnits, totals2, type RankTable, type ScoringUnit, type TieRule } from '@app/scoring';
import type { AuthUser } from '../auth/auth-user';
import type { SchemePreviewDto } from '../schemes/dto/scheme.dto';
import type { LoadedScheme } from '../schemes/scheme-load';
import { SchemesService } from '../schemes/schemes.service';
import { fillReach, readsReach, toEngineInput } from './engine-input';
import { scoreVersionQuarter } from './engine-lines';
import { RecordsLoader } from './records-loader';
import { Clock } from '../common/clock';

export interface PreviewStanding {
  total: number;
  totalText: string;
  rank: number;
  groupRank: number;
}

export interface PreviewRow {
  unitId: number;
  code: string;
  name: string;
  groupId: number;
  groupName: string;
  /** Under the version in force; null when no version is in force for the quarter. */
  current: PreviewStanding | null;
  draft: PreviewStanding;
  /** draft − current total, and places moved up (positive) or down (negative). */
  change: { total: number; totalText: string; rank: number; groupRank: number } | null;
}

/** How many of the quarter's placements an adoption row of the draft takes (first match at the placement's level). */
export interface PreviewRowHits {
  /** 'adoption.rows[2]'; '' for placements no row scores. */
  clause: string;
  label: string;
  hits: number;
}

export interface PreviewResponse {
  quarter: string;
  current: { id: number; versionNo: number; name: string } | null;
  rows: PreviewRow[];
  /** Per adoption row of the draft, in the order of the table, then the placements no row scores. */
  rowHits: PreviewRowHits[];
}

/**
 * What-if: the quarter's ranking under a draft scheme beside the version in force, both
 * computed in memory from the same loaded records (nothing is stored).
 */
@Injectable()
export class ScorePreviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly loader: RecordsLoader,
    private readonly schemes: SchemesService,
    private readonly clock: Clock,
  ) {}

  async preview(user: AuthUser, dto: SchemePreviewDto): Promise<PreviewResponse> {
    const draft = await this.schemes.compileDraft(user.officeId, dto.document);
    const version = await this.schemes.inForce(user.officeId, dto.quarter);
    const input = await this.loader.load(user.officeId, dto.quarter, { asOfDate: this.clock.today() });
    const current = version ? this.schemes.compile(version) : null;
    if (readsReach(draft.document) || (current && readsReach(current.document))) await fillReach(this.dataSource, user.officeId, input);
    const draftTotals = totals2(scoreVersionQuarter(draft, input, dto.quarter));
    const currentTotals = current ? totals2(scoreVersionQuarter(current, input, dto.quarter)) : null;
    // A deactivated unit earning lines through an old joint article still shows up.
    const extra = [...draftTotals.keys(), ...(currentTotals?.keys() ?? [])].map(Number);
    const units = await this.loader.rankingUnits(user.officeId, extra);
    const draftRanks = standings(units, draftTotals, draft.compiled.tieRule);
    const currentRanks = current && currentTotals ? standings(units, currentTotals, current.compiled.tieRule) : null;
    const rows = units.map((u): PreviewRow => {
      const d = draftRanks.get(u.id)!;
      const c = currentRanks?.get(u.id) ?? null;
      return {
        unitId: Number(u.id),
        code: u.code,
        name: u.name,
        groupId: Number(u.groupId),
        groupName: u.groupName ?? '',
        current: c,
        draft: d,
        change: c ? { total: d.total - c.total, totalText: formatPoints(d.total - c.total, 2), rank: c.rank - d.rank, groupRank: c.groupRank - d.groupRank } : null,
      };
    });
    rows.sort((a, b) => a.draft.rank - b.draft.rank || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    return { quarter: dto.quarter, current: version ? { id: version.id, versionNo: version.versionNo, name: version.name } : null, rows, rowHits: rowHits(draft, input, dto.quarter) };
  }
}

function rowHits(scheme: LoadedScheme, input: Parameters<typeof toEngineInput>[0], quarter: string): PreviewRowHits[] {
  const hits = adoptionRowHits(scheme.compiled, toEngineInput(input), quarter);
  return [
    ...scheme.compiled.rows.map((r) => ({ clause: r.path, label: r.label, hits: hits.get(r.path) ?? 0 })),
    { clause: '', label: '未匹配任何行（不计分）', hits: hits.get('') ?? 0 },
  ];
}

function standings(units: readonly ScoringUnit[], byUnit: ReadonlyMap<string, number>, tieRule: TieRule): Map<string, PreviewStanding> {
  const ranked = rankUnits(units, byUnit, tieRule);
  const groupRank = new Map<string, number>();
  ranked.groups.forEach((g: RankTable) => g.rows.forEach((r) => groupRank.set(r.unitId, r.rank)));
  return new Map(ranked.overall.rows.map((r) => [r.unitId, { total: r.total, totalText: formatPoints(r.total, 2), rank: r.rank, groupRank: groupRank.get(r.unitId)! }]));
}

