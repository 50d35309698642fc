import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LEVELS } from '@app/contracts';
import { commissionOutcome, prevQuarter, quarterRange } from '@app/scoring';
import type { RankingSnapshot } from '../publication/ranking-snapshot.entity';
import type { SnapshotUnit } from '../publication/snapshot-unit.entity';
import { SnapshotsRepository } from '../publication/snapshots.repository';
import { QuarterRecordsRepository } from '../score-ledger/quarter-records.repository';
import { RecordsRepository } from '../score-ledger/records.repository';
import type { NoticeAdoption, NoticeCommission, NoticeCorrection, NoticeData, NoticeHighlight, NoticeInstruction, NoticeLevel, NoticeUnitRow } from '@app/notice';
import { HIGHLIGHT_LIMIT, INSTRUCTION_LIMIT, groupsInNoticeOrder, listedAdoptionLevels, noticeCollator, omittedAdoptionLevels } from '@app/notice';

/** The notice's collator, so outlets and titles come out of the builder in the order the renderers sort by. */
const ZH = noticeCollator;
/** Ids per IN list of a few rows (outlets, instructions' units), and adoptions per chunk of the list. */
const IN_CHUNK = 500;
/** Article ids per IN list when the quarter's articles are looked up (SQLite takes 32,766 bound values). */
const ARTICLE_CHUNK = 5_000;
/** Rows per page of the quarter scan. */
const SCAN_PAGE = 10_000;

type Channel = 'media' | 'bulletin';
type BuiltAdoption = NoticeAdoption & { channel: Channel };

/** An outlet that adopted something in the quarter. */
interface QuarterOutlet {
  id: number;
  name: string;
  level: NoticeLevel;
  channel: Channel;
}

/**
 * The quarter's verified adoptions, read in one scan and held in columns, in notice order (level,
 * outlet, date, then title within one outlet's day). Typed arrays of a few bytes per adoption
 * and each article's title once, so a province's 250,000 adoptions of 110,000 articles take
 * about 25 MB; the chunks of the list are made from these, never by reading the rows again.
 */
interface AdoptionIndex {
  /** placement ids */
  ids: Int32Array;
  /** per adoption: its outlet, as a position in `outlets` */
  outletOf: Int32Array;
  /** per adoption: its day as YYYYMMDD */
  dayOf: Int32Array;
  /** per adoption: its article, as a position in `articles` */
  articleOf: Int32Array;
  /** per adoption: its page, as a position in `pages` (0: none) */
  pageOf: Int32Array;
  /** per adoption: 1 for a headline */
  headline: Uint8Array;
  /** the outlets that adopted something, in notice order */
  outlets: QuarterOutlet[];
  /** the articles adopted, in scan order */
  articles: QuarterArticles;
  /** distinct page texts, [0] = none */
  pages: (string | null)[];
  /** day (YYYYMMDD) → the date as stored */
  dates: Map<number, string>;
  counts: Record<NoticeLevel, number>;
  /** the offices whose adoptions are listed: the office's own, then those it ranks (see Rollup) */
  rollup: Rollup;
}

/** The articles of the quarter's verified placements, by position: what the list shows of each. */
interface QuarterArticles {
  ids: number[];
  /** 1 when the article is verified (only then are its placements adoptions, and its other fields filled in) */
  verified: Uint8Array;
  titles: string[];
  commission: Uint8Array;
  instructed: Uint8Array;
  unitNames: string[][];
}

/**
 * What an office's notice rolls up: its own records and those of each office below it that it
 * ranks as a unit (units.childOfficeId), each of those credited to that one unit's name, as
 * their scores are (RollupLoader).
 */
interface Rollup {
  officeIds: number[];
  /** office below → the name of the unit standing for it */
  creditedTo: Map<number, string>;
}

/** What the notice is rendered from: the bounded data, and the full 附件2 as a stream for the spreadsheet. */
export interface BuiltNotice {
  data: NoticeData;
  /**
   * Every verified adoption of the quarter in notice order (level, outlet, date, title), a
   * chunk of about 500 at a time, made from the compact index (AdoptionIndex): the list is
   * never held as objects. Each call starts over.
   */
  adoptions: () => AsyncGenerator<NoticeAdoption[]>;
}

/**
 * Assembles what the notice says from a snapshot: the frozen ranking rows and totals, plus
 * the verified adoptions, instructions, 约稿, 事项 and 加减分 of the quarter. It runs once, inside
 * the publication's transaction, and its result is frozen with the snapshot (NoticeModelStore):
 * renderings read that, never the live tables.
 *
 * The data is bounded whatever the size of the quarter: 附件2 holds the levels that fit within
 * ADOPTION_LIST_LIMIT rows (all of a district's quarter) and the counts of the rest, the body
 * quotes at most HIGHLIGHT_LIMIT adoptions and INSTRUCTION_LIMIT 批示 with their true totals.
 * The full adoption list, for the spreadsheet, comes with the data as a stream (BuiltNotice).
 */
@Injectable()
export class NoticeDataBuilder {
  constructor(
    private readonly snapshots: SnapshotsRepository,
    private readonly records: QuarterRecordsRepository,
    private readonly rollups: RecordsRepository,
  ) {}

  /**
   * `m` is the publication's transaction when the notice is frozen with its snapshot, so the
   * notice sees exactly the records the snapshot was taken from; `asOfDate` is the business
   * date of publication, which decides (as in the engine) whether an unanswered 约稿 is missed.
   */
  async build(snapshot: RankingSnapshot, m: EntityManager, asOfDate: string): Promise<BuiltNotice> {
    const { officeId, quarter } = snapshot;
    const office = await this.records.officeById(m, officeId);
    const period = await this.snapshots.period(m, officeId, quarter);
    const units = await this.snapshots.units(snapshot.id, m);
    const lastYear = await this.unitTotalsOf(m, officeId, `${Number(quarter.slice(0, 4)) - 1}${quarter.slice(4)}`);
    const rows = units.map((u) => toUnitRow(u, lastYear.totals.get(u.unitId) ?? null));
    const byGroup = groupsInNoticeOrder(rows);
    const previousQuarter = await this.unitTotalsOf(m, officeId, prevQuarter(quarter));
    const children = await this.rollups.rankedChildOffices(officeId, m);
    const unitName = new Map(units.map((u) => [u.unitId, u.unitName]));
    const rollup: Rollup = {
      officeIds: [officeId, ...children.map((c) => c.childOfficeId)],
      creditedTo: new Map(children.map((c) => [c.childOfficeId, unitName.get(c.unitId) ?? ''])),
    };
    const index = await this.adoptionIndex(m, rollup, quarter);
    const { counts } = index;
    // Levels are contiguous in notice order, highest first, and the listed ones are the highest:
    // 附件2's rows are a prefix of the index, and so are the provincial-and-above highlights.
    const listedRows = listedAdoptionLevels(counts).reduce((n, level) => n + counts[level], 0);
    const adoptions: NoticeAdoption[] = [];
    for await (const chunk of this.adoptionRows(index, 0, listedRows)) {
      for (const { channel: _channel, ...a } of chunk) adoptions.push(a);
    }
    const highlights: NoticeHighlight[] = [];
    for await (const chunk of this.adoptionRows(index, 0, counts.central + counts.provincial)) {
      for (const a of chunk.slice(0, HIGHLIGHT_LIMIT - highlights.length)) {
        highlights.push({ unitName: a.unitNames.join('、'), title: a.title, outletName: a.outletName, level: a.level, channel: a.channel });
      }
      if (highlights.length === HIGHLIGHT_LIMIT) break;
    }
    const instructions = await this.instructions(m, rollup, quarter);
    const kind = snapshot.revision > 1 ? 'correction' : 'notice';
    const data: NoticeData = {
      office: { name: office.name, regionName: office.regionName, ...(children.length ? { below: await this.below(m, children, units) } : {}) },
      quarter,
      revision: snapshot.revision,
      kind,
      ...(snapshot.summary.backfill ? { backfill: true } : {}),
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
      highlights,
      highlightsTotal: counts.central + counts.provincial,
      instructions: instructions.items,
      instructionsTotal: instructions.total,
      commissions: await this.commissions(m, officeId, quarter, asOfDate),
      groups: [...byGroup.entries()].map(([groupName, groupRows]) => ({ groupName, rows: groupRows })),
      overall: [...rows].sort((a, b) => a.overallRank - b.overallRank || a.unitCode.localeCompare(b.unitCode)),
      adoptions,
      adoptionsOmitted: omittedAdoptionLevels(counts),
      ...(await this.itemsAndAdjustments(m, officeId, quarter)),
      ...(kind === 'correction'
        ? { corrections: await this.corrections(m, snapshot, units, period?.noticeTexts?.correctionReason), previous: { docNumber: period?.noticeTexts?.docNumber } }
        : {}),
    };
    return { data, adoptions: () => this.adoptionRows(index, 0, index.ids.length) };
  }

  /** The regions of the offices below that the notice ranks, and whether it ranks units of the office's own too. */
  private async below(m: EntityManager, children: { unitId: number; childOfficeId: number }[], units: SnapshotUnit[]) {
    const ranked = new Set(units.map((u) => u.unitId));
    const shown = children.filter((c) => ranked.has(c.unitId));
    const offices = shown.length ? await this.records.officesByIds(m, shown.map((c) => c.childOfficeId)) : [];
    return { regionNames: offices.map((o) => o.regionName), ownUnits: units.length > shown.length };
  }

  /** A quarter's latest published unit totals and placement count (for 同比 / 环比), if published. */
  private async unitTotalsOf(m: EntityManager, officeId: number, quarter: string) {
    const [snapshot] = await this.snapshots.latest(officeId, [quarter], m);
    if (!snapshot) return { totals: new Map<number, number>(), placements: null };
    const units = await this.snapshots.unitTotals(m, snapshot.id);
    return { totals: new Map(units.map((u) => [u.unitId, u.total])), placements: snapshot.summary.placements };
  }

  /**
   * Scans the quarter's verified placements once, in index order (date, id) and in pages,
   * keeping what the list shows of each in columns; their articles (status, title, 批示, signing
   * units) are asked once per ARTICLE_CHUNK articles, and the placements of articles not verified
   * are left out. Then the adoptions are put in notice order.
   */
  private async adoptionIndex(m: EntityManager, rollup: Rollup, quarter: string): Promise<AdoptionIndex> {
    const { start, end } = quarterRange(quarter);
    const ids = new IntColumn();
    const outletIds = new IntColumn();
    const days = new IntColumn();
    const articleOfScan = new IntColumn();
    const pageOfScan = new IntColumn();
    const headlines = new IntColumn();
    const articlePosition = new Map<number, number>();
    const articleIds: number[] = [];
    const pagePosition = new Map<string | null, number>([[null, 0]]);
    const pages: (string | null)[] = [null];
    const dates = new Map<number, string>();
    // One office at a time: with a single office the index hands the rows over in (date, id)
    // order, while an IN list of a roll-up's offices (a province's 100 districts) made the
    // database sort all the quarter's remaining rows again for every page. The notice order
    // is set below, whatever order the offices are scanned in.
    for (const officeId of rollup.officeIds) {
      let after = { date: start, id: 0 };
      for (;;) {
        const rows = await this.records.verifiedPlacementsPage(m, officeId, end, after, SCAN_PAGE);
        for (const r of rows) {
          ids.push(Number(r.id));
          outletIds.push(Number(r.outletId));
          const date = String(r.publishedDate);
          const day = Number(date.replace(/-/g, ''));
          if (!dates.has(day)) dates.set(day, date);
          days.push(day);
          articleOfScan.push(positionOf(Number(r.articleId), articlePosition, articleIds));
          pageOfScan.push(positionOf((r.page as string | null) ?? null, pagePosition, pages));
          headlines.push(r.prominence === 'headline' ? 1 : 0);
        }
        if (rows.length < SCAN_PAGE) break;
        const last = rows[rows.length - 1];
        after = { date: String(last.publishedDate), id: Number(last.id) };
      }
    }
    const articles = await this.describeArticles(m, articleIds, articlePosition, rollup);
    const idv = ids.values();
    const dayv = days.values();
    const articlev = articleOfScan.values();
    const outletv = outletIds.values();
    // the adoptions: placements of verified articles, as positions in the scan
    const kept = new IntColumn();
    for (let i = 0; i < idv.length; i++) if (articles.verified[articlev[i]] === 1) kept.push(i);
    const order = kept.values();
    const outlets = (await this.outletsById(m, [...new Set(Array.from(order, (i) => outletv[i]))])).sort(
      (a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || ZH.compare(a.name, b.name) || a.id - b.id,
    );
    const position = new Map(outlets.map((o, i) => [o.id, i]));
    const outletOfScan = new Int32Array(idv.length);
    for (const i of order) outletOfScan[i] = position.get(outletv[i])!;
    order.sort((x, y) => outletOfScan[x] - outletOfScan[y] || dayv[x] - dayv[y] || idv[x] - idv[y]);
    // within one outlet's day, by title (then by id, as scanned)
    const n = order.length;
    for (let i = 0; i < n; ) {
      let j = i + 1;
      while (j < n && outletOfScan[order[j]] === outletOfScan[order[i]] && dayv[order[j]] === dayv[order[i]]) j++;
      if (j - i > 1) {
        const run = Array.from(order.subarray(i, j)).sort((x, y) => ZH.compare(articles.titles[articlev[x]], articles.titles[articlev[y]]) || idv[x] - idv[y]);
        order.set(run, i);
      }
      i = j;
    }
    const counts = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<NoticeLevel, number>;
    for (const i of order) counts[outlets[outletOfScan[i]].level]++;
    const pagev = pageOfScan.values();
    const headlinev = headlines.values();
    return {
      ids: Int32Array.from(order, (i) => idv[i]),
      outletOf: Int32Array.from(order, (i) => outletOfScan[i]),
      dayOf: Int32Array.from(order, (i) => dayv[i]),
      articleOf: Int32Array.from(order, (i) => articlev[i]),
      pageOf: Int32Array.from(order, (i) => pagev[i]),
      headline: Uint8Array.from(order, (i) => headlinev[i]),
      outlets,
      articles,
      pages,
      dates,
      counts,
      rollup,
    };
  }

  /**
   * The scanned placements' articles by position: status, title and 约稿, then for the verified
   * ones their 批示 flag and signing units' names, ARTICLE_CHUNK articles per query.
   */
  private async describeArticles(m: EntityManager, ids: number[], position: Map<number, number>, rollup: Rollup): Promise<QuarterArticles> {
    const n = ids.length;
    const articles: QuarterArticles = { ids, verified: new Uint8Array(n), titles: new Array<string>(n).fill(''), commission: new Uint8Array(n), instructed: new Uint8Array(n), unitNames: [] };
    const unitsOf: number[][] = Array.from({ length: n }, () => []);
    for (let i = 0; i < n; i += ARTICLE_CHUNK) {
      const verified: number[] = [];
      for (const r of await this.records.adoptedArticles(m, ids.slice(i, i + ARTICLE_CHUNK))) {
        if (r.status !== 'verified') continue;
        const at = position.get(Number(r.id))!;
        articles.verified[at] = 1;
        articles.titles[at] = String(r.title);
        articles.commission[at] = r.commissionId !== null && r.commissionId !== undefined ? 1 : 0;
        verified.push(Number(r.id));
      }
      if (verified.length === 0) continue;
      for (const id of await this.records.instructedArticles(m, verified)) articles.instructed[position.get(id)!] = 1;
      for (const r of await this.records.articleUnitIds(m, verified)) unitsOf[position.get(Number(r.articleId))!].push(Number(r.unitId));
    }
    const unitIds = [...new Set(unitsOf.flat())];
    const units = new Map<number, { name: string; officeId: number }>();
    for (let i = 0; i < unitIds.length; i += IN_CHUNK) {
      for (const u of await this.records.unitsByIds(m, unitIds.slice(i, i + IN_CHUNK))) units.set(Number(u.id), { name: u.name, officeId: Number(u.officeId) });
    }
    // as unitNames names them: an article of an office below names the one unit standing for it
    articles.unitNames = unitsOf.map((unitIdsOfArticle) => {
      let names: string[] = [];
      for (const id of unitIdsOfArticle) {
        const u = units.get(id);
        if (!u) continue;
        const credited = rollup.creditedTo.get(u.officeId);
        if (credited !== undefined) names = [credited];
        else names.push(u.name);
      }
      return names;
    });
    return articles;
  }

  private async outletsById(m: EntityManager, ids: number[]): Promise<QuarterOutlet[]> {
    const out: QuarterOutlet[] = [];
    for (let i = 0; i < ids.length; i += IN_CHUNK) {
      const chunk = ids.slice(i, i + IN_CHUNK);
      const rows = await this.records.outletsByIds(m, chunk);
      for (const r of rows) out.push({ id: Number(r.id), name: String(r.name), level: r.level as NoticeLevel, channel: r.channel as Channel });
    }
    return out;
  }

  /**
   * The adoptions at positions [from, to) of the index, in notice order, about IN_CHUNK at a
   * time. A chunk never splits one outlet's day (so `to` must end an outlet's day too, as level
   * ends do).
   */
  private async *adoptionRows(index: AdoptionIndex, from: number, to: number): AsyncGenerator<BuiltAdoption[]> {
    const { outletOf, dayOf, articleOf, pageOf, headline, outlets, articles, pages, dates } = index;
    for (let i = from; i < to; ) {
      let j = Math.min(i + IN_CHUNK, to);
      const splits = (at: number) => at < to && outletOf[at] === outletOf[at - 1] && dayOf[at] === dayOf[at - 1];
      // end the chunk before the outlet's day it would split, or after it when the day alone is larger
      let back = j;
      while (back > i && splits(back)) back--;
      if (back > i) j = back;
      else while (splits(j)) j++;
      const out: BuiltAdoption[] = [];
      for (let k = i; k < j; k++) {
        const outlet = outlets[outletOf[k]];
        const a = articleOf[k];
        out.push({
          level: outlet.level,
          channel: outlet.channel,
          outletName: outlet.name,
          publishedDate: dates.get(dayOf[k])!,
          unitNames: articles.unitNames[a],
          title: articles.titles[a],
          page: pages[pageOf[k]],
          headline: headline[k] === 1,
          instruction: articles.instructed[a] === 1,
          commission: articles.commission[a] === 1,
        });
      }
      yield out;
      i = j;
    }
  }

  /**
   * Unit names per article in the order they were recorded, asked in chunks (SQLite allows only
   * so many bound values); an article of an office below names the one unit standing for it.
   */
  private async unitNames(m: EntityManager, articleIds: number[], rollup: Rollup): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    for (let i = 0; i < articleIds.length; i += IN_CHUNK) {
      const chunk = articleIds.slice(i, i + IN_CHUNK);
      const rows = await this.records.articleUnitNames(m, chunk);
      for (const r of rows) {
        const credited = rollup.creditedTo.get(Number(r.officeId));
        if (credited !== undefined) {
          out.set(Number(r.articleId), [credited]);
          continue;
        }
        const names = out.get(Number(r.articleId));
        if (names) names.push(r.name);
        else out.set(Number(r.articleId), [r.name]);
      }
    }
    return out;
  }

  /** The quarter's first INSTRUCTION_LIMIT verified 批示 in date order, and how many there are. */
  private async instructions(m: EntityManager, rollup: Rollup, quarter: string): Promise<{ items: NoticeInstruction[]; total: number }> {
    const { start, end } = quarterRange(quarter);
    const { total, rows } = await this.records.verifiedInstructions(m, rollup.officeIds, start, end, INSTRUCTION_LIMIT);
    const names = await this.unitNames(m, [...new Set(rows.map((r) => Number(r.articleId)))], rollup);
    const items = rows.map((r) => ({ unitNames: names.get(Number(r.articleId)) ?? [], title: String(r.title), leaderTitle: String(r.leaderTitle), level: String(r.level), date: String(r.date) }));
    return { items, total };
  }

  /**
   * 约稿 due in the quarter, judged as the engine judges them (commissionOutcome): an answer
   * counts only when its article is verified, and a target without one is missed only once the
   * deadline is before the publication date; until then it is pending, not named as missing.
   */
  private async commissions(m: EntityManager, officeId: number, quarter: string, asOfDate: string): Promise<NoticeCommission[]> {
    const { start, end } = quarterRange(quarter);
    const rows = await this.records.commissionTargets(m, officeId, start, end);
    const byId = new Map<number, NoticeCommission>();
    for (const r of rows) {
      const c = byId.get(Number(r.id)) ?? { topic: String(r.topic), deadline: String(r.deadline), targets: 0, onTime: 0, late: 0, missing: 0, pending: 0, lateOrMissingUnits: [] };
      c.targets++;
      const outcome = commissionOutcome(c.deadline, { answeredArticleSubmittedDate: (r.submittedDate as string | null) ?? null }, asOfDate);
      if (outcome === 'on-time') c.onTime++;
      else if (outcome === null) c.pending = (c.pending ?? 0) + 1;
      else {
        if (outcome === 'late') c.late++;
        else c.missing++;
        c.lateOrMissingUnits.push(String(r.unitName));
      }
      byId.set(Number(r.id), c);
    }
    return [...byId.values()];
  }

  /** The quarter's verified 事项 (by kind, with their units) and approved 加减分, as the engine scores them. */
  private async itemsAndAdjustments(m: EntityManager, officeId: number, quarter: string): Promise<Pick<NoticeData, 'items' | 'adjustments'>> {
    const { start, end } = quarterRange(quarter);
    const items = await this.records.verifiedItems(m, officeId, start, end);
    const adjustments = await this.records.approvedAdjustments(m, officeId, quarter);
    return {
      items: items.map((r) => ({ kind: String(r.kind), title: String(r.title), date: String(r.date), unitName: String(r.unitName) })),
      adjustments: adjustments.map((r) => ({ unitName: String(r.unitName), points: Number(r.points), reason: String(r.reason) })),
    };
  }

  /** Units whose total or rank differs from the previous revision. */
  private async corrections(m: EntityManager, snapshot: RankingSnapshot, units: SnapshotUnit[], reason?: string): Promise<NoticeCorrection[]> {
    const previous = await this.snapshots.revision(snapshot.officeId, snapshot.quarter, snapshot.revision - 1, m);
    if (!previous) return [];
    const before = new Map((await this.snapshots.units(previous.id, m)).map((u) => [u.unitId, u]));
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

/** A growing column of 32-bit integers (doubling), for the quarter scan. */
class IntColumn {
  private data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  values(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** The position of `value` in `list`, appending it the first time it is seen (columns hold positions, not values). */
function positionOf<T>(value: T, positions: Map<T, number>, list: T[]): number {
  let at = positions.get(value);
  if (at === undefined) {
    at = list.length;
    positions.set(value, at);
    list.push(value);
  }
  return at;
}
