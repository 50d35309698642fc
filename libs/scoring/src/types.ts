/** Amount of points in ten-thousandths: always an integer, 1 point = 10000. */
export type Points = number;

/** Administrative level of an outlet or a leader. */
export const LEVELS = ['central', 'provincial', 'municipal', 'district'] as const;
export type Level = (typeof LEVELS)[number];

/** Channel a placement was adopted through: a media outlet or an internal bulletin. */
export const CHANNELS = ['media', 'bulletin'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Where on the page / in the programme a placement appeared. */
export const PROMINENCES = ['headline', 'front', 'normal'] as const;
export type Prominence = (typeof PROMINENCES)[number];

/** Kind of medium of an outlet. */
export const MEDIA = ['newspaper', 'tv', 'radio', 'web', 'new-media', 'app', 'bulletin'] as const;
export type Medium = (typeof MEDIA)[number];

export const REPEAT_ADOPTIONS = ['top-up', 'highest', 'sum'] as const;
export type RepeatAdoption = (typeof REPEAT_ADOPTIONS)[number];

export const JOINT_SPLITS = ['shares', 'equal', 'first-unit'] as const;
export type JointSplit = (typeof JOINT_SPLITS)[number];

/** 采用形式: full text, excerpt (摘编), or combined with other units' information (综合). */
export const FORMS = ['full', 'excerpt', 'combined'] as const;
export type Form = (typeof FORMS)[number];

/** How a unit answered a 约稿 when the office records it explicitly. */
export const COMMISSION_OUTCOMES = ['on-time', 'late', 'missed'] as const;
export type CommissionOutcome = (typeof COMMISSION_OUTCOMES)[number];

export const TIE_RULES = ['competition', 'dense'] as const;
export type TieRule = (typeof TIE_RULES)[number];

/** A unit (单位) that earns points; ranked within its group and overall. */
export interface ScoringUnit {
  id: string;
  code: string;
  name: string;
  groupId: string;
  groupName?: string;
}

/** One unit's part in an article; `sharePercent` undefined means "split equally". */
export interface ScoringArticleUnit {
  unitId: string;
  sharePercent?: string | number | null;
  /**
   * Signing position (1 = first signed unit). When absent the order of `units` is the
   * signing order; scheme format 2 splits by it (position weights, first unit).
   */
  signingOrder?: number | null;
}

export interface ScoringArticle {
  id: string;
  title: string;
  /** Business date 'YYYY-MM-DD'. */
  submittedDate: string;
  wordCount?: number | null;
  genre?: string | null;
  units: ScoringArticleUnit[];
}

export interface ScoringPlacement {
  id: string;
  articleId: string;
  outletId: string;
  outletCode: string;
  outletName: string;
  level: Level;
  channel: Channel;
  medium?: Medium | null;
  prominence: Prominence;
  /** Business date 'YYYY-MM-DD'. */
  publishedDate: string;
  /** 采用形式; absent means full text (全文). Read by scheme format 2 only. */
  form?: Form | null;
  /** Reach (浏览量/阅读量) of this placement, when known. Read by scheme format 2 only. */
  views?: number | null;
}

export interface ScoringInstruction {
  id: string;
  articleId: string;
  leaderTitle: string;
  level: Level;
  /** Business date 'YYYY-MM-DD'. */
  date: string;
}

export interface ScoringCommissionTarget {
  unitId: string;
  /** Submitted date of the article that answered the commission, if any. */
  answeredArticleSubmittedDate?: string | null;
  /** The office's explicit finding; when set it wins over the dates (scheme format 2 only). */
  outcome?: CommissionOutcome | null;
}

export interface ScoringCommission {
  id: string;
  topic: string;
  /** Business date 'YYYY-MM-DD'; answers submitted on or before it are on time. */
  deadline: string;
  targets: ScoringCommissionTarget[];
  /** Who issued it (e.g. 区委组织部, 市委办公室); scheme format 2 may value 约稿 by issuer. */
  issuerCategory?: string | null;
}

export interface ScoringMonthlyReport {
  unitId: string;
  /** Month reported on, 'YYYY-MM'. */
  month: string;
  filedDate?: string | null;
}

/** A record of an office-defined kind (事项: meeting speech, false-information finding…). */
export interface ScoringItemRecord {
  id: string;
  /** The `kind` of an item in the scheme's catalogue. */
  kind: string;
  unitId: string;
  /** Business date 'YYYY-MM-DD'; the record scores in its quarter. */
  date: string;
  /** Level, for kinds valued per level. */
  level?: Level | null;
  /** Linked article (a kind that voids an article voids this one). */
  articleId?: string | null;
  /** Short description shown in the explanation (e.g. the meeting's name). */
  title?: string | null;
}

/** A manual adjustment (加减分) the office recorded and a second office user approved. */
export interface ScoringAdjustment {
  id: string;
  unitId: string;
  /** Quarter 'YYYY-Qn' it applies to. */
  quarter: string;
  amount: Points;
  reason: string;
}

/** Everything the engine reads. The caller passes verified records only. */
export interface ScoringInput {
  units: ScoringUnit[];
  articles: ScoringArticle[];
  /** All verified placements, including earlier quarters (top-up needs the history). */
  placements: ScoringPlacement[];
  instructions: ScoringInstruction[];
  commissions: ScoringCommission[];
  monthlyReports: ScoringMonthlyReport[];
  /** Records of office-defined kinds (scheme format 2 only). */
  items?: ScoringItemRecord[];
  /** Approved manual adjustments (scheme format 2 only). */
  adjustments?: ScoringAdjustment[];
  /** Business date the computation is made on; decides which deadlines have passed. */
  asOfDate: string;
}

export const RULE_IDS = [
  'placement',
  'placement.top-up',
  'instruction',
  'commission.fulfilled',
  'commission.missed',
  'monthly-report.late',
  'monthly-report.missing',
  'cap',
  'floor',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type RecordType = 'placement' | 'instruction' | 'commission' | 'monthly-report' | 'unit';

/** One scored fact; a unit's quarter total is the sum of its lines. */
export interface ScoreLine {
  unitId: string;
  quarter: string;
  amount: Points;
  ruleId: RuleId;
  recordType: RecordType;
  recordId: string;
  articleId?: string;
  /** Channel of the placement behind the line (placement lines only); used by caps. */
  channel?: Channel;
  /** Business date the line is attributed to. */
  date: string;
  /** Chinese, human-readable derivation of the amount. */
  explanation: string;
}

/** Raised by the engine for input it cannot score (e.g. an unparsable share). */
export class ScoringInputError extends Error {
  constructor(
    message: string,
    readonly recordId?: string,
  ) {
    super(message);
    this.name = 'ScoringInputError';
  }
}
