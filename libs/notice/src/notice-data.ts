/**
 * The input of the notice renderers: a plain object the publication job builds from a frozen
 * snapshot. The renderers are pure functions of it (no database, no clock), so the same data
 * always gives the same document. Shapes the API already answers (levels, a snapshot's unit
 * row, the office's notice texts) come from @app/contracts rather than being copied here.
 */
import type { Level, NoticeTexts as QuarterNoticeTexts, SnapshotUnit } from '@app/contracts';

/** A placement level; the notice lists them highest first (LEVELS). */
export type NoticeLevel = Level;

/**
 * A unit's row of the published ranking as the notice quotes it: the snapshot's row (total in
 * ten-thousandths of a point) without the group id and preformatted total the notice does not
 * use, plus last year's total for the 同比 column.
 */
export interface NoticeUnitRow extends Omit<SnapshotUnit, 'groupId' | 'totalText'> {
  /** same quarter last year's total, null if none */
  lastYearTotal: number | null;
}

export interface NoticeAdoption {
  level: NoticeLevel;
  outletName: string;
  /** YYYY-MM-DD */
  publishedDate: string;
  unitNames: string[];
  title: string;
  page: string | null;
  /** ◆ 头版头条 */
  headline: boolean;
  /** ★ 领导批示 */
  instruction: boolean;
  /** ▲ 约稿 */
  commission: boolean;
}

/** A level of 附件2 too large to list row by row in the DOCX and the web view. */
export interface NoticeOmittedLevel {
  level: NoticeLevel;
  /** how many adoptions of this level the quarter has (all of them are in the spreadsheet) */
  count: number;
}

/**
 * The office's wording of the notice (文号, opening, requirements, issuer, dates, 抄送: see
 * @app/contracts) plus the two texts only the renderers default.
 */
export interface NoticeTexts extends QuarterNoticeTexts {
  /** 主送机关 without the closing colon; default built from the region (各街道（镇）党（工）委，区直各部门党委（党组）) */
  recipients?: string;
  /** name of the scoring rules quoted in the default opening; default 《示例区组织工作信息宣传计分办法》 */
  schemeName?: string;
}

export interface NoticeSummary {
  articlesSubmitted: number;
  placements: number;
  byLevel: Record<NoticeLevel, number>;
  instructions: number;
  previousQuarterPlacements: number | null;
  lastYearPlacements: number | null;
  /** entries the office excluded when closing the quarter (not verified in time); unitName is absent in older documents */
  excluded: { type: string; id: number; title: string; unitName?: string }[];
}

export interface NoticeHighlight {
  unitName: string;
  title: string;
  outletName: string;
  /** a level code (provincial…) or its label (省级) */
  level: string;
  /** media are 刊发, bulletins 采用; default media */
  channel?: 'media' | 'bulletin';
}

export interface NoticeInstruction {
  unitNames: string[];
  title: string;
  /** e.g. 省委常委、组织部长 */
  leaderTitle: string;
  level: string;
  /** YYYY-MM-DD */
  date: string;
}

export interface NoticeCommission {
  topic: string;
  /** YYYY-MM-DD */
  deadline: string;
  targets: number;
  onTime: number;
  late: number;
  missing: number;
  /** targets not answered whose deadline had not passed at publication: neither done nor missed; absent in older documents */
  pending?: number;
  lateOrMissingUnits: string[];
}

/** A verified 事项 of the quarter. */
export interface NoticeItem {
  kind: string;
  title: string;
  /** YYYY-MM-DD */
  date: string;
  unitName: string;
}

/** An approved 加减分 of the quarter. */
export interface NoticeAdjustment {
  unitName: string;
  /** ten-thousandths of a point, signed */
  points: number;
  reason: string;
}

export interface NoticeCorrection {
  unitName: string;
  /** the ranking group the ranks refer to; when absent the ranks are quoted without a group */
  groupName?: string;
  oldTotal: number;
  newTotal: number;
  oldRank: number;
  newRank: number;
  reason?: string;
}

export interface NoticeData {
  office: {
    name: string;
    regionName: string;
    shortName?: string;
    /**
     * When the office ranks offices below it as units: their region names, and whether it ranks
     * units of its own as well (the notice goes to 各区委组织部 instead of 各街道（镇）…).
     */
    below?: { regionNames: string[]; ownUnits: boolean };
  };
  /** 2023-Q2 */
  quarter: string;
  revision: number;
  kind: 'notice' | 'correction';
  /** 补录: a past quarter published from history loaded afterwards; the title says so. */
  backfill?: boolean;
  texts: NoticeTexts;
  summary: NoticeSummary;
  /** provincial level and above, highest level first; at most HIGHLIGHT_LIMIT of them */
  highlights: NoticeHighlight[];
  /** how many provincial-and-above adoptions there are in all; absent in documents stored before the cap (then highlights.length) */
  highlightsTotal?: number;
  /** in date order; at most INSTRUCTION_LIMIT of them */
  instructions: NoticeInstruction[];
  /** how many 批示 there are in all; absent in documents stored before the cap (then instructions.length) */
  instructionsTotal?: number;
  commissions: NoticeCommission[];
  /** rows sorted by groupRank then unit code */
  groups: { groupName: string; rows: NoticeUnitRow[] }[];
  overall: NoticeUnitRow[];
  /**
   * 附件2 as the DOCX and the web view list it: every adoption of the quarter when there are at
   * most ADOPTION_LIST_LIMIT, else the adoptions of the whole levels that fit, highest first
   * (see listedAdoptionLevels). The spreadsheet's 附件2 always holds the full list, streamed
   * from the database instead of taken from here.
   */
  adoptions: NoticeAdoption[];
  /**
   * The levels left out of `adoptions`, highest first, with their true counts: the notice sums
   * them up in one sentence under the table. Absent (documents stored before the list was
   * bounded) or empty when everything is listed.
   */
  adoptionsOmitted?: NoticeOmittedLevel[];
  /** verified 事项 of the quarter, in date order; absent in documents stored before they were shown */
  items?: NoticeItem[];
  /** approved 加减分 of the quarter, by unit; absent in documents stored before they were shown */
  adjustments?: NoticeAdjustment[];
  /** for kind 'correction': what changed against the previous revision */
  corrections?: NoticeCorrection[];
  /** for kind 'correction': the notice being corrected, quoted in the first sentence */
  previous?: { docNumber?: string; issuedDate?: string };
}
