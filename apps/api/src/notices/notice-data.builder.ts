import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { prevQuarter, quarterRange } from '@app/scoring';
import { Office } from '../offices/office.entity';
import { QuarterPeriod } from '../publication/quarter-period.entity';
import { RankingSnapshot } from '../publication/ranking-snapshot.entity';
import { latestSnapshots } from '../publication/snapshot-reader';
import { SnapshotUnit } from '../publication/snapshot-unit.entity';
import type { NoticeAdoption, NoticeCommission, NoticeCorrection, NoticeData, NoticeInstruction, NoticeLevel, NoticeUnitRow } from './render/notice-data';

const LEVEL_ORDER: NoticeLevel[] = ['central', 'provincial', 'municipal', 'district'];
/** One collator for all sorts: localeCompare(…, 'zh') builds one per call. */
const ZH = new Intl.Collator('zh');

/**
 * Assembles what the notice says from a snapshot: the frozen ranking rows and totals, plus
 * the verified adoptions, instructions and 约稿 of the quarter as they stand when the notice
 * is rendered (right after publication; the rendered files are then kept unchanged).
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
      byGroup.set(r.groupName, [...(byGroup.get(r.groupName) ?? []), r]);
    }
    const previousQuarter = await this.unitTotalsOf(officeId, prevQuarter(quarter));
    const adoptions = await this.adoptions(officeId, quarter);
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
      highlights: adoptions
        .filter((a) => a.level === 'central' || a.level === 'provincial')
        .map((a) => ({ unitName: a.unitNames.join('、'), title: a.title, outletName: a.outletName, level: a.level, channel: a.channel })),
      instructions: await this.instructions(officeId, quarter),
      commissions: await this.commissions(officeId, quarter),
      groups: [...byGroup.entries()].map(([groupName, groupRows]) => ({ groupName, rows: groupRows })),
      overall: [...rows].sort((a, b) => a.overallRank - b.overallRank || a.unitCode.localeCompare(b.unitCode)),
      adoptions: adoptions.map(({ channel: _channel, ...a }) => a),
      ...(kind === 'correction'
        ? { corrections: await this.corrections(snapshot, units, period?.noticeTexts?.correctionReason), previous: { docNumber: period?.noticeTexts?.docNumber } }
        : {}),
    };
  }

  /** A quarter's latest published unit totals and placement count (for 同比 / 环比), if published. */
  private async unitTotalsOf(officeId: number, quarter: string) {
    const [snapshot] = await latestSnapshots(this.dataSource, officeId, [quarter]);
    if (!snapshot) return { totals: new Map<number, number>(), placements: null };
    const units = await this.dataSource.getRepository(SnapshotUnit).find({ where: { snapshotId: snapshot.id }, select: { unitId: true, total: true } });
    return { totals: new Map(units.map((u) => [u.unitId, u.total])), placements: snapshot.summary.placements };
  }

  private async adoptions(officeId: number, quarter: string): Promise<(NoticeAdoption & { channel: 'media' | 'bulletin' })[]> {
    const { start, end } = quarterRange(quarter);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT p.articleId AS articleId, p.publishedDate AS publishedDate, p.page AS page, p.prominence AS prominence, a.title AS title, a.commissionId AS commissionId,
              o.name AS outletName, o.level AS level, o.channel AS channel
       FROM placements p JOIN articles a ON a.id = p.articleId JOIN outlets o ON o.id = p.outletId
       WHERE p.officeId = ? AND p.publishedDate BETWEEN ? AND ? AND p.status = 'verified' AND a.status = 'verified'`,
      [officeId, start, end],
    );
    const articleIds = [...new Set(rows.map((r) => Number(r.articleId)))];
    const names = await this.unitNames(articleIds);
    const instructed = await this.instructedArticles(articleIds);
    return rows
      .map((r) => ({
        level: r.level as NoticeLevel,
        channel: r.channel as 'media' | 'bulletin',
        outletName: String(r.outletName),
        publishedDate: String(r.publishedDate),
        unitNames: names.get(Number(r.articleId)) ?? [],
        title: String(r.title),
        page: (r.page as string) ?? null,
        headline: r.prominence === 'headline',
        instruction: instructed.has(Number(r.articleId)),
        commission: r.commissionId !== null && r.commissionId !== undefined,
      }))
      .sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || ZH.compare(a.outletName, b.outletName) || a.publishedDate.localeCompare(b.publishedDate));
  }

  /** Articles with a verified instruction, asked in chunks (SQLite allows only so many bound values). */
  private async instructedArticles(articleIds: number[]): Promise<Set<number>> {
    const out = new Set<number>();
    for (let i = 0; i < articleIds.length; i += 500) {
      const chunk = articleIds.slice(i, i + 500);
      const rows: { articleId: unknown }[] = await this.dataSource.query(
        `SELECT DISTINCT articleId FROM instructions WHERE status = 'verified' AND articleId IN (${chunk.map(() => '?').join(',')})`,
        chunk,
      );
      rows.forEach((r) => out.add(Number(r.articleId)));
    }
    return out;
  }

  private async unitNames(articleIds: number[]): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    for (let i = 0; i < articleIds.length; i += 500) {
      const chunk = articleIds.slice(i, i + 500);
      const rows: { articleId: unknown; name: string }[] = await this.dataSource.query(
        `SELECT au.articleId AS articleId, u.name AS name FROM article_units au JOIN units u ON u.id = au.unitId WHERE au.articleId IN (${chunk.map(() => '?').join(',')}) ORDER BY au.id`,
        chunk,
      );
      for (const r of rows) out.set(Number(r.articleId), [...(out.get(Number(r.articleId)) ?? []), r.name]);
    }
    return out;
  }

  private async instructions(officeId: number, quarter: string): Promise<NoticeInstruction[]> {
    const { start, end } = quarterRange(quarter);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT i.articleId AS articleId, i.leaderTitle AS leaderTitle, i.level AS level, i.instructedDate AS date, a.title AS title
       FROM instructions i JOIN articles a ON a.id = i.articleId
       WHERE i.officeId = ? AND i.instructedDate BETWEEN ? AND ? AND i.status = 'verified' AND a.status = 'verified' ORDER BY i.instructedDate, i.id`,
      [officeId, start, end],
    );
    const names = await this.unitNames([...new Set(rows.map((r) => Number(r.articleId)))]);
    return rows.map((r) => ({ unitNames: names.get(Number(r.articleId)) ?? [], title: String(r.title), leaderTitle: String(r.leaderTitle), level: String(r.level), date: String(r.date) }));
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

