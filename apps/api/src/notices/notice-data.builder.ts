import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LEVELS } from '@app/contracts';
import { prevQuarter, quarterRange } from '@app/scoring';
import { Office } from '../offices/office.entity';
import { QuarterPeriod } from '../publication/quarter-period.entity';
import { RankingSnapshot } from '../publication/ranking-snapshot.entity';
import { latestSnapshots } from '../publication/snapshot-reader';
import { SnapshotUnit } from '../publication/snapshot-unit.entity';
import type { NoticeAdoption, NoticeCommission, NoticeCorrection, NoticeData, NoticeHighlight, NoticeInstruction, NoticeLevel, NoticeUnitRow } from './render/notice-data';
import { HIGHLIGHT_LIMIT, INSTRUCTION_LIMIT } from './render/notice-narrative';
import { listedAdoptionLevels, noticeCollator, omittedAdoptionLevels } from './render/notice-tables';

/** The notice's collator, so outlets and titles come out of the builder in the order the renderers sort by. */
const ZH = noticeCollator;
/** Ids per IN list: SQLite allows only so many bound values per statement. */
const IN_CHUNK = 500;
/** Placements fetched per query: small outlets are asked for together up to this many rows. */
const FETCH_ROWS = 5000;

type Channel = 'media' | 'bulletin';
type BuiltAdoption = NoticeAdoption & { channel: Channel };

/** An outlet that adopted something in the quarter, with how many verified adoptions. */
interface QuarterOutlet {
  id: number;
  name: string;
  level: NoticeLevel;
  channel: Channel;
  count: number;
}

/**
 * Assembles what the notice says from a snapshot: the frozen ranking rows and totals, plus
 * the verified adoptions, instructions and 约稿 of the quarter as they stand when the notice
 * is rendered (right after publication; the rendered files are then kept unchanged).
 *
 * The data is bounded whatever the size of the quarter: 附件2 holds the levels that fit within
 * ADOPTION_LIST_LIMIT rows (all of a district's quarter) and the counts of the rest, the body
 * quotes at most HIGHLIGHT_LIMIT adoptions and INSTRUCTION_LIMIT 批示 with their true totals.
 * The full adoption list, for the spreadsheet, is streamed by adoptionChunks().
 */
@Injectable()
export class NoticeDataBuilder {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async build(snapshot: RankingSnapshot): Promise<NoticeData> {
    const { officeId, quarter } = snapshot;
    const office = await this.dataSource.getRepository(Office).findOneByOrFail({ id: officeId });
    const period = await this.dataSource.getRepository(QuarterPeriod).findOneBy({ officeId, quarter });
    const units = await this.dataSource.getRepository(SnapshotUnit).find({ where: { snapshotId: snapshot.id } });
    const lastYear = await this.unitTotalsOf(officeId, `${Number(quarter.slice(0, 4)) - 1}${quarter.slice(4)}`);
    const rows = units.map((u) => toUnitRow(u, lastYear.totals.get(u.unitId) ?? null));
    const byGroup = new Map<string, NoticeUnitRow[]>();
    for (const r of [...rows].sort((a, b) => a.groupRank - b.groupRank || a.unitCode.localeCompare(b.unitCode))) {
      const list = byGroup.get(r.groupName);
      if (list) list.push(r);
      else byGroup.set(r.groupName, [r]);
    }
    const previousQuarter = await this.unitTotalsOf(officeId, prevQuarter(quarter));
    const outlets = await this.quarterOutlets(officeId, quarter);
    const counts = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<NoticeLevel, number>;
    for (const o of outlets) counts[o.level] += o.count;
    const listed = new Set(listedAdoptionLevels(counts));
    const adoptions: NoticeAdoption[] = [];
    for await (const chunk of this.adoptionsOf(officeId, quarter, outlets.filter((o) => listed.has(o.level)))) {
      for (const { channel: _channel, ...a } of chunk) adoptions.push(a);
    }
    const instructions = await this.instructions(officeId, quarter);
    const kind = snapshot.revision > 1 ? 'correction' : 'notice';
    return {
      office: { name: office.name, regionName: office.regionName },
      quarter,
      revision: snapshot.revision,
      kind,
      texts: period?.noticeTexts ?? {},
      summary: {
        articlesSubmitted: snapshot.summary.articlesSubmitted,
        placements: snapshot.summary.placements,
        byLevel: snapshot.summary.byLevel as Record<NoticeLevel, number>,
        instructions: snapshot.summary.instructions,
        previousQuarterPlacements: previousQuarter.placements,
        lastYearPlacements: lastYear.placements,
        excluded: snapshot.summary.excluded,
      },
      highlights: await this.highlights(officeId, quarter, outlets),
      highlightsTotal: counts.central + counts.provincial,
      instructions: instructions.items,
      instructionsTotal: instructions.total,
      commissions: await this.commissions(officeId, quarter),
      groups: [...byGroup.entries()].map(([groupName, groupRows]) => ({ groupName, rows: groupRows })),
      overall: [...rows].sort((a, b) => a.overallRank - b.overallRank || a.unitCode.localeCompare(b.unitCode)),
      adoptions,
      adoptionsOmitted: omittedAdoptionLevels(counts),
      ...(kind === 'correction'
        ? { corrections: await this.corrections(snapshot, units, period?.noticeTexts?.correctionReason), previous: { docNumber: period?.noticeTexts?.docNumber } }
        : {}),
    };
  }

  /**
   * Every verified adoption of the quarter in notice order (level, outlet, date, title), a chunk
   * of at most 500 at a time, for the spreadsheet's 附件2: the list is never held whole.
   */
  async *adoptionChunks(officeId: number, quarter: string): AsyncGenerator<NoticeAdoption[]> {
    yield* this.adoptionsOf(officeId, quarter, await this.quarterOutlets(officeId, quarter));
  }

  /** A quarter's latest published unit totals and placement count (for 同比 / 环比), if published. */
  private async unitTotalsOf(officeId: number, quarter: string) {
    const [snapshot] = await latestSnapshots(this.dataSource, officeId, [quarter]);
    if (!snapshot) return { totals: new Map<number, number>(), placements: null };
    const units = await this.dataSource.getRepository(SnapshotUnit).find({ where: { snapshotId: snapshot.id }, select: { unitId: true, total: true } });
    return { totals: new Map(units.map((u) => [u.unitId, u.total])), placements: snapshot.summary.placements };
  }

  /** The outlets that adopted something in the quarter with their counts, highest level first, then by name. */
  private async quarterOutlets(officeId: number, quarter: string): Promise<QuarterOutlet[]> {
    const { start, end } = quarterRange(quarter);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT o.id AS id, o.name AS name, o.level AS level, o.channel AS channel, COUNT(*) AS n
       FROM placements p JOIN articles a ON a.id = p.articleId JOIN outlets o ON o.id = p.outletId
       WHERE p.officeId = ? AND p.publishedDate BETWEEN ? AND ? AND p.status = 'verified' AND a.status = 'verified'
       GROUP BY o.id, o.name, o.level, o.channel`,
      [officeId, start, end],
    );
    return rows
      .map((r) => ({ id: Number(r.id), name: String(r.name), level: r.level as NoticeLevel, channel: r.channel as Channel, count: Number(r.n) }))
      .sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || ZH.compare(a.name, b.name) || a.id - b.id);
  }

  /** The first HIGHLIGHT_LIMIT provincial-and-above adoptions in notice order (only the first outlets are read). */
  private async highlights(officeId: number, quarter: string, outlets: QuarterOutlet[]): Promise<NoticeHighlight[]> {
    const out: NoticeHighlight[] = [];
    const upper = outlets.filter((o) => o.level === 'central' || o.level === 'provincial');
    for await (const chunk of this.adoptionsOf(officeId, quarter, upper)) {
      for (const a of chunk) {
        out.push({ unitName: a.unitNames.join('、'), title: a.title, outletName: a.outletName, level: a.level, channel: a.channel });
        if (out.length === HIGHLIGHT_LIMIT) return out;
      }
    }
    return out;
  }

  /**
   * The adoptions of the given outlets (already in notice order), in notice order: outlets are
   * read a few at a time (one query per FETCH_ROWS rows, or per outlet when it has more), each
   * outlet's adoptions sorted by date then title, and unit names looked up per chunk of 500.
   */
  private async *adoptionsOf(officeId: number, quarter: string, outlets: QuarterOutlet[]): AsyncGenerator<BuiltAdoption[]> {
    const { start, end } = quarterRange(quarter);
    for (const batch of outletBatches(outlets)) {
      const position = new Map(batch.map((o, i) => [o.id, i]));
      const rows: Record<string, unknown>[] = await this.dataSource.query(
        `SELECT p.id AS id, p.articleId AS articleId, p.outletId AS outletId, p.publishedDate AS publishedDate, p.page AS page, p.prominence AS prominence,
                a.title AS title, a.commissionId AS commissionId,
                CASE WHEN EXISTS (SELECT 1 FROM instructions i WHERE i.articleId = p.articleId AND i.status = 'verified') THEN 1 ELSE 0 END AS instructed
         FROM placements p JOIN articles a ON a.id = p.articleId
         WHERE p.outletId IN (${batch.map(() => '?').join(',')}) AND p.officeId = ? AND p.publishedDate BETWEEN ? AND ?
           AND p.status = 'verified' AND a.status = 'verified'`,
        [...batch.map((o) => o.id), officeId, start, end],
      );
      rows.sort(
        (x, y) =>
          position.get(Number(x.outletId))! - position.get(Number(y.outletId))! ||
          (String(x.publishedDate) < String(y.publishedDate) ? -1 : String(x.publishedDate) > String(y.publishedDate) ? 1 : 0) ||
          ZH.compare(String(x.title), String(y.title)) ||
          Number(x.id) - Number(y.id),
      );
      for (let i = 0; i < rows.length; i += IN_CHUNK) {
        const slice = rows.slice(i, i + IN_CHUNK);
        const names = await this.unitNames([...new Set(slice.map((r) => Number(r.articleId)))]);
        yield slice.map((r) => {
          const outlet = batch[position.get(Number(r.outletId))!];
          return {
            level: outlet.level,
            channel: outlet.channel,
            outletName: outlet.name,
            publishedDate: String(r.publishedDate),
            unitNames: names.get(Number(r.articleId)) ?? [],
            title: String(r.title),
            page: (r.page as string) ?? null,
            headline: r.prominence === 'headline',
            instruction: Number(r.instructed) === 1,
            commission: r.commissionId !== null && r.commissionId !== undefined,
          };
        });
      }
    }
  }

  /** Unit names per article in the order they were recorded, asked in chunks (SQLite allows only so many bound values). */
  private async unitNames(articleIds: number[]): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    for (let i = 0; i < articleIds.length; i += IN_CHUNK) {
      const chunk = articleIds.slice(i, i + IN_CHUNK);
      const rows: { articleId: unknown; name: string }[] = await this.dataSource.query(
        `SELECT au.articleId AS articleId, u.name AS name FROM article_units au JOIN units u ON u.id = au.unitId WHERE au.articleId IN (${chunk.map(() => '?').join(',')}) ORDER BY au.id`,
        chunk,
      );
      for (const r of rows) {
        const names = out.get(Number(r.articleId));
        if (names) names.push(r.name);
        else out.set(Number(r.articleId), [r.name]);
      }
    }
    return out;
  }

  /** The quarter's first INSTRUCTION_LIMIT verified 批示 in date order, and how many there are. */
  private async instructions(officeId: number, quarter: string): Promise<{ items: NoticeInstruction[]; total: number }> {
    const { start, end } = quarterRange(quarter);
    const from = `FROM instructions i JOIN articles a ON a.id = i.articleId
       WHERE i.officeId = ? AND i.instructedDate BETWEEN ? AND ? AND i.status = 'verified' AND a.status = 'verified'`;
    const [{ n }]: { n: unknown }[] = await this.dataSource.query(`SELECT COUNT(*) AS n ${from}`, [officeId, start, end]);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT i.articleId AS articleId, i.leaderTitle AS leaderTitle, i.level AS level, i.instructedDate AS date, a.title AS title
       ${from} ORDER BY i.instructedDate, i.id LIMIT ${INSTRUCTION_LIMIT}`,
      [officeId, start, end],
    );
    const names = await this.unitNames([...new Set(rows.map((r) => Number(r.articleId)))]);
    const items = rows.map((r) => ({ unitNames: names.get(Number(r.articleId)) ?? [], title: String(r.title), leaderTitle: String(r.leaderTitle), level: String(r.level), date: String(r.date) }));
    return { items, total: Number(n) };
  }

  private async commissions(officeId: number, quarter: string): Promise<NoticeCommission[]> {
    const { start, end } = quarterRange(quarter);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT c.id AS id, c.topic AS topic, c.deadline AS deadline, u.name AS unitName, a.submittedDate AS submittedDate
       FROM commissions c JOIN commission_targets t ON t.commissionId = c.id JOIN units u ON u.id = t.unitId LEFT JOIN articles a ON a.id = t.articleId
       WHERE c.officeId = ? AND c.deadline BETWEEN ? AND ? ORDER BY c.deadline, c.id, u.code`,
      [officeId, start, end],
    );
    const byId = new Map<number, NoticeCommission>();
    for (const r of rows) {
      const c = byId.get(Number(r.id)) ?? { topic: String(r.topic), deadline: String(r.deadline), targets: 0, onTime: 0, late: 0, missing: 0, lateOrMissingUnits: [] };
      c.targets++;
      if (r.submittedDate && String(r.submittedDate) <= c.deadline) c.onTime++;
      else {
        if (r.submittedDate) c.late++;
        else c.missing++;
        c.lateOrMissingUnits.push(String(r.unitName));
      }
      byId.set(Number(r.id), c);
    }
    return [...byId.values()];
  }

  /** Units whose total or rank differs from the previous revision. */
  private async corrections(snapshot: RankingSnapshot, units: SnapshotUnit[], reason?: string): Promise<NoticeCorrection[]> {
    const previous = await this.dataSource.getRepository(RankingSnapshot).findOneBy({ officeId: snapshot.officeId, quarter: snapshot.quarter, revision: snapshot.revision - 1 });
    if (!previous) return [];
    const before = new Map((await this.dataSource.getRepository(SnapshotUnit).find({ where: { snapshotId: previous.id } })).map((u) => [u.unitId, u]));
    return units
      .filter((u) => !before.has(u.unitId) || before.get(u.unitId)!.total !== u.total || before.get(u.unitId)!.groupRank !== u.groupRank)
      .sort((a, b) => ZH.compare(a.groupName, b.groupName) || a.groupRank - b.groupRank)
      .map((u) => ({
        unitName: u.unitName,
        groupName: u.groupName,
        oldTotal: before.get(u.unitId)?.total ?? 0,
        newTotal: u.total,
        oldRank: before.get(u.unitId)?.groupRank ?? 0,
        newRank: u.groupRank,
        ...(reason ? { reason } : {}),
      }));
  }
}

function toUnitRow(u: SnapshotUnit, lastYearTotal: number | null): NoticeUnitRow {
  return {
    unitId: u.unitId, unitCode: u.unitCode, unitName: u.unitName, groupName: u.groupName, total: u.total, groupRank: u.groupRank, overallRank: u.overallRank,
    articlesSubmitted: u.articlesSubmitted, central: u.central, provincial: u.provincial, municipal: u.municipal, district: u.district, instructions: u.instructions,
    commissionsDone: u.commissionsDone, commissionsDue: u.commissionsDue, monthlyLate: u.monthlyLate, monthlyMissing: u.monthlyMissing, lastYearTotal,
  };
}

/** Consecutive outlets grouped so that one query reads at most FETCH_ROWS rows (an outlet with more is read alone). */
function outletBatches(outlets: QuarterOutlet[]): QuarterOutlet[][] {
  const batches: QuarterOutlet[][] = [];
  let batch: QuarterOutlet[] = [];
  let rows = 0;
  for (const o of outlets) {
    if (batch.length > 0 && (rows + o.count > FETCH_ROWS || batch.length >= IN_CHUNK)) {
      batches.push(batch);
      batch = [];
      rows = 0;
    }
    batch.push(o);
    rows += o.count;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
