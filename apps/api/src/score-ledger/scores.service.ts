import { createHash } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { CHANNELS, LEVELS, formatPoints, quarterRange, rankUnits, type Channel, type Level, type RankTable, type TieRule } from '@app/scoring';
import type { AuthUser } from '../auth/auth-user';
import { assertUnitAccess } from '../auth/scope';
import { AppError, invalid, notFound } from '../common/app-error';
import { SchemeVersion } from '../schemes/scheme-version.entity';
import { SchemesService } from '../schemes/schemes.service';
import { RankingCache, UNSTAMPED } from './ranking-cache';
import { RecordsLoader } from './records-loader';
import { RecordsRepository, type Row } from './records.repository';
import { RECORD_TYPE_LABELS, RULE_LABELS } from './score-labels';
import { ScoreLedgerRepository, monthOfRecordId } from './score-ledger.repository';
import type { LineColumns } from './line-columns';
import { quarterLabel, type PlacementCounts, type RankingResponse, type RankingRow, type StatementLine, type StatementResponse } from '@app/contracts';

/** The parts of a ranking that take a pass over the whole quarter: cached (RankingCache). */
export interface QuarterFigures {
  totals: Map<string, number>;
  counts: Map<string, PlacementCounts>;
}

/** A serialised ranking page and its ETag (express answers 304 to a matching If-None-Match). */
export interface RankingBody {
  json: Buffer;
  etag: string;
}

/** Pages kept at once (one per office and quarter read lately; a province page is ~2 MB). */
const MAX_BODIES = 32;

type RankingInputs = {
  version: SchemeVersion;
  tieRule: TieRule;
  figures: QuarterFigures;
  /** The office's units with their groups as read (RecordsRepository.unitsWithGroups). */
  unitRows: Row[];
};

/** The columns of a unit row a page shows or ranks by (names, codes, groups, order, active). */
const UNIT_COLUMNS = ['id', 'code', 'name', 'groupId', 'active', 'groupName'] as const;

/** Whether two reads of the units hold the same rows in the same order: then the page is the same. */
function sameUnitRows(a: readonly Row[], b: readonly Row[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) for (const c of UNIT_COLUMNS) if (a[i][c] !== b[i][c]) return false;
  return true;
}

/** The read side of the ledger: a quarter's ranking and a unit's statement, from stored lines. */
@Injectable()
export class ScoresService {
  constructor(
    private readonly records: RecordsRepository,
    private readonly ledger: ScoreLedgerRepository,
    private readonly loader: RecordsLoader,
    private readonly schemes: SchemesService,
    private readonly figures: RankingCache<QuarterFigures>,
  ) {}

  /** The last serialised page per office and quarter (rankingBody). */
  private readonly bodies = new Map<string, { figures: QuarterFigures; key: string; unitRows: Row[]; body: RankingBody }>();

  /**
   * Totals come from one aggregate over the stored lines of the version in force. The same for
   * every role of the office (a 通报 prints it), so totals and counts are cached per office,
   * quarter and version until the quarter's lines change; units (names, groups) are read fresh.
   */
  async ranking(officeId: number, quarter: string): Promise<RankingResponse> {
    return this.assemble(quarter, await this.rankingInputs(officeId, quarter));
  }

  /**
   * The ranking page as sent (GET /api/scores/ranking): the same answer as `ranking`, serialised
   * once and served as is while nothing it shows has changed — the same cached figures (so the
   * same lines, see RankingCache), the same version in force and the same units and groups (read
   * fresh on every request, as before). A hit costs no ranking, no rows and no JSON.stringify of
   * the 600 units, and carries its ETag ready (no hash of the body per request).
   */
  async rankingBody(officeId: number, quarter: string): Promise<RankingBody> {
    const inputs = await this.rankingInputs(officeId, quarter);
    const slot = `${officeId}|${quarter}`;
    const key = JSON.stringify([inputs.version.id, inputs.version.versionNo, inputs.version.name, inputs.tieRule]);
    const hit = this.bodies.get(slot);
    if (hit && hit.figures === inputs.figures && hit.key === key && sameUnitRows(hit.unitRows, inputs.unitRows)) return hit.body;
    const json = Buffer.from(JSON.stringify(this.assemble(quarter, inputs)));
    const body: RankingBody = { json, etag: `W/"${json.length.toString(16)}-${createHash('sha1').update(json).digest('base64').slice(0, 27)}"` };
    this.bodies.delete(slot);
    this.bodies.set(slot, { figures: inputs.figures, key, unitRows: inputs.unitRows, body });
    if (this.bodies.size > MAX_BODIES) this.bodies.delete(this.bodies.keys().next().value!);
    return body;
  }

  private async rankingInputs(officeId: number, quarter: string): Promise<RankingInputs> {
    const version = await this.versionFor(officeId, quarter);
    const scheme = this.schemes.compile(version);
    const stamp = this.figures.needsLinesStamp ? await this.ledger.linesStamp() : UNSTAMPED;
    const figures = await this.figures.get(officeId, quarter, version.id, stamp, async () => ({
      totals: await this.ledger.totals(officeId, version.id, quarter),
      counts: await this.placementCounts(officeId, quarter),
    }));
    return { version, tieRule: scheme.compiled.tieRule, figures, unitRows: await this.records.unitsWithGroups(officeId) };
  }

  private assemble(quarter: string, { version, tieRule, figures: { totals, counts }, unitRows }: RankingInputs): RankingResponse {
    const units = this.loader.rankingUnitsOf(unitRows, [...totals.keys()].map(Number));
    const ranked = rankUnits(units, totals, tieRule);
    const byId = new Map(units.map((u) => [u.id, u]));
    const toRows = (table: RankTable): RankingRow[] =>
      table.rows.map((r) => {
        const u = byId.get(r.unitId)!;
        return {
          unitId: Number(r.unitId),
          code: r.code,
          name: r.name,
          groupId: Number(u.groupId),
          groupName: u.groupName ?? '',
          total: r.total,
          totalText: formatPoints(r.total, 2),
          rank: r.rank,
          placements: counts.get(r.unitId) ?? emptyCounts(),
        };
      });
    return {
      quarter,
      schemeVersion: brief(version),
      tieRule,
      overall: toRows(ranked.overall),
      groups: ranked.groups.map((g) => ({ groupId: Number(g.groupId), groupName: g.groupName ?? '', rows: toRows(g) })),
    };
  }

  /** 得分明细: every line of a unit (by default the caller's own) in a quarter with a running total. */
  async statement(user: AuthUser, requestedUnitId: number | undefined, quarter: string): Promise<StatementResponse> {
    const unitId = requestedUnitId ?? user.unitId;
    if (unitId === null) throw invalid({ unitId: '请选择单位' });
    assertUnitAccess(user, unitId, '只能查看本单位的得分明细');
    const unit = await this.records.unitOfOffice(user.officeId, unitId);
    if (!unit) throw notFound('单位');
    const version = await this.versionFor(user.officeId, quarter);
    const stored = await this.ledger.unitLines(user.officeId, version.id, quarter, unitId);
    return this.toStatement([user.officeId], quarter, unit, version, stored);
  }

  /**
   * A statement from lines as stored or as frozen in a snapshot (LineColumns). The records the
   * lines name are looked up in `labelOffices`: a unit standing for an office below is scored
   * over that office's records, so its lines name them.
   */
  async toStatement(labelOffices: number[], quarter: string, unit: { id: number; code: string; name: string }, version: SchemeVersion, stored: readonly LineColumns[]): Promise<StatementResponse> {
    const labels = await this.recordLabels(labelOffices, stored);
    let running = 0;
    const lines = stored.map((l): StatementLine => {
      running += l.amount;
      return {
        id: l.id,
        date: l.date,
        recordType: l.recordType,
        recordTypeLabel: RECORD_TYPE_LABELS[l.recordType] ?? l.recordType,
        recordId: l.recordId,
        recordLabel: labels.record(l),
        itemKind: l.recordType === 'item' ? (labels.items.get(l.recordId)?.kind ?? null) : null,
        articleId: l.articleId,
        articleTitle: l.articleId !== null ? (labels.titles.get(l.articleId) ?? null) : null,
        ruleId: l.ruleId,
        ruleLabel: RULE_LABELS[l.ruleId] ?? l.ruleId,
        amount: l.amount,
        amountText: formatPoints(l.amount, 2),
        amountExact: formatPoints(l.amount, 4),
        runningTotal: running,
        runningTotalText: formatPoints(running, 2),
        runningTotalExact: formatPoints(running, 4),
        explanation: l.explanation,
        clause: l.clause,
      };
    });
    return {
      quarter,
      unit: { id: unit.id, code: unit.code, name: unit.name },
      schemeVersion: brief(version),
      lines,
      total: running,
      totalText: formatPoints(running, 2),
      totalExact: formatPoints(running, 4),
    };
  }

  private async versionFor(officeId: number, quarter: string): Promise<SchemeVersion> {
    const version = await this.schemes.inForce(officeId, quarter);
    if (!version) throw new AppError(HttpStatus.NOT_FOUND, 'no_scheme_in_force', `${quarterLabel(quarter)}没有生效的计分办法，请先设置计分办法版本`);
    return version;
  }

  private async recordLabels(officeIds: number[], lines: readonly LineColumns[]) {
    const articleIds = [...new Set(lines.map((l) => l.articleId).filter((id): id is number => id !== null))];
    const idsOf = (type: string) => [...new Set(lines.filter((l) => l.recordType === type).map((l) => l.recordId))];
    const commissionIds = idsOf('commission');
    const itemIds = idsOf('item');
    const adjustmentIds = idsOf('adjustment');
    const titles = new Map<number, string>();
    const topics = new Map<number, string>();
    const items = new Map<number, { kind: string; title: string }>();
    const reasons = new Map<number, string>();
    for (const officeId of officeIds) {
      const names = await this.records.recordNames(officeId, { articles: articleIds, commissions: commissionIds, items: itemIds, adjustments: adjustmentIds });
      for (const [into, from] of [[titles, names.titles], [topics, names.topics], [items, names.items], [reasons, names.reasons]] as [Map<number, unknown>, Map<number, unknown>][]) {
        for (const [id, value] of from) into.set(id, value);
      }
    }
    const record = (l: LineColumns): string => {
      // Before the article: a 事项 that voids an article names it, but the line is the item's.
      if (l.recordType === 'item') {
        const item = items.get(l.recordId);
        return item ? `${item.kind}：${item.title}` : `事项 #${l.recordId}`;
      }
      if (l.recordType === 'adjustment') return reasons.get(l.recordId) ?? `加减分 #${l.recordId}`;
      if (l.articleId !== null) return titles.get(l.articleId) ?? `稿件 #${l.articleId}`;
      if (l.recordType === 'commission') return topics.get(l.recordId) ?? `约稿 #${l.recordId}`;
      if (l.recordType === 'monthly-report') return `${monthOfRecordId(l.recordId)} 月度报告`;
      return RECORD_TYPE_LABELS[l.recordType] ?? l.recordType;
    };
    return { titles, items, record };
  }

  /**
   * Verified placements per unit (each unit of a joint article counts it), by channel and level.
   * A unit standing for an office below counts every adoption of that office, as its score does.
   */
  private async placementCounts(officeId: number, quarter: string): Promise<Map<string, PlacementCounts>> {
    const { start, end } = quarterRange(quarter);
    const out = new Map<string, PlacementCounts>();
    for (const r of await this.records.adoptionsByUnit(officeId, start, end)) {
      const key = String(r.unitId);
      const c = out.get(key) ?? emptyCounts();
      const n = r.n;
      c[r.channel][r.level] += n;
      c.total += n;
      out.set(key, c);
    }
    for (const { unitId, childOfficeId } of await this.records.rankedChildOffices(officeId)) {
      const c = emptyCounts();
      for (const r of await this.records.adoptionsByLevel(childOfficeId, start, end)) {
        c[r.channel][r.level] += r.n;
        c.total += r.n;
      }
      out.set(String(unitId), c);
    }
    return out;
  }
}

function emptyCounts(): PlacementCounts {
  const row = () => Object.fromEntries(LEVELS.map((lv) => [lv, 0])) as Record<Level, number>;
  return { total: 0, ...(Object.fromEntries(CHANNELS.map((ch) => [ch, row()])) as Record<Channel, Record<Level, number>>) };
}

function brief(v: SchemeVersion) {
  return { id: v.id, versionNo: v.versionNo, name: v.name };
}
