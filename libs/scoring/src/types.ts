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
}

export interface ScoringCommission {
  id: string;
  topic: string;
  /** Business date 'YYYY-MM-DD'; answers submitted on or before it are on time. */
  deadline: string;
  targets: ScoringCommissionTarget[];
}

export interface ScoringMonthlyReport {
  unitId: string;
  /** Month reported on, 'YYYY-MM'. */
  month: string;
  filedDate?: string | null;
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
