import { Injectable } from '@nestjs/common';
import type { PreviewGroup, PreviewResponse, PreviewRow, PreviewRowHits, PreviewStanding } from '@app/contracts';
import { adoptionRowLevelHits, formatPoints, LEVELS, rankUnits, totals2, type RankTable, type ScoringInput, type ScoringUnit, type TieRule } from '@app/scoring';
import type { AuthUser } from '../auth/auth-user';
import type { SchemePreviewDto } from '../schemes/dto/scheme.dto';
import type { LoadedScheme } from '../schemes/scheme-load';
import { SchemesService } from '../schemes/schemes.service';
import { toEngineInput } from './engine-input';
import { scoreVersionQuarter } from './engine-lines';
import { RecordsLoader } from './records-loader';
import { Clock } from '../common/clock';

/**
 * What-if: the quarter's ranking under a draft scheme beside the version in force, both
 * computed in memory from the same loaded records (nothing is stored).
 */
@Injectable()
export class ScorePreviewService {
  constructor(
    private readonly loader: RecordsLoader,
    private readonly schemes: SchemesService,
    private readonly clock: Clock,
  ) {}

  async preview(user: AuthUser, dto: SchemePreviewDto): Promise<PreviewResponse> {
    const draft = await this.schemes.compileDraft(user.officeId, dto.document);
    const version = await this.schemes.inForce(user.officeId, dto.quarter);
    const input = toEngineInput(await this.loader.load(user.officeId, dto.quarter, { asOfDate: this.clock.today() }));
    const current = version ? this.schemes.compile(version) : null;
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
    const byCode = (a: PreviewRow, b: PreviewRow) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
    rows.sort((a, b) => a.draft.rank - b.draft.rank || byCode(a, b));
    // Units come in the groups' sort order (rankingUnits), so the groups do too, as in the notice.
    const groups = new Map<number, PreviewGroup>();
    for (const u of units) if (!groups.has(Number(u.groupId))) groups.set(Number(u.groupId), { groupId: Number(u.groupId), groupName: u.groupName ?? '', rows: [] });
    for (const r of [...rows].sort((a, b) => a.draft.groupRank - b.draft.groupRank || byCode(a, b))) groups.get(r.groupId)!.rows.push(r);
    return {
      quarter: dto.quarter,
      current: version ? { id: version.id, versionNo: version.versionNo, name: version.name } : null,
      rows,
      rowHits: rowHits(draft, input, dto.quarter),
      groups: [...groups.values()],
    };
  }
}

function rowHits(scheme: LoadedScheme, input: ScoringInput, quarter: string): PreviewRowHits[] {
  const hits = adoptionRowLevelHits(scheme.compiled, input, quarter);
  const entry = (clause: string, label: string): PreviewRowHits => {
    const byLevel = hits.get(clause)!;
    return { clause, label, hits: LEVELS.reduce((sum, lv) => sum + byLevel[lv], 0), byLevel };
  };
  return [...scheme.compiled.rows.map((r) => entry(r.path, r.label)), entry('', '未匹配任何行（不计分）')];
}

function standings(units: readonly ScoringUnit[], byUnit: ReadonlyMap<string, number>, tieRule: TieRule): Map<string, PreviewStanding> {
  const ranked = rankUnits(units, byUnit, tieRule);
  const groupRank = new Map<string, number>();
  ranked.groups.forEach((g: RankTable) => g.rows.forEach((r) => groupRank.set(r.unitId, r.rank)));
  return new Map(ranked.overall.rows.map((r) => [r.unitId, { total: r.total, totalText: formatPoints(r.total, 2), rank: r.rank, groupRank: groupRank.get(r.unitId)! }]));
}

