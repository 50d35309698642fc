import type { Channel, Points } from '../types';

export const RULE_IDS_2 = [
  'start',
  'placement',
  'placement.top-up',
  'bonus',
  'instruction',
  'commission.on-time',
  'commission.late',
  'commission.missed',
  'monthly-report.late',
  'monthly-report.missing',
  'item',
  'adjustment',
  'target',
  'rate',
  'deductions.floor',
  'bonuses.channel-cap',
  'bonuses.cap',
  'net.cap',
  'net.floor',
] as const;
export type RuleId2 = (typeof RULE_IDS_2)[number];

export type RecordType2 = 'placement' | 'instruction' | 'commission' | 'monthly-report' | 'item' | 'adjustment' | 'unit';

/** One scored fact under a format-2 scheme; a unit's quarter total is the sum of its lines. */
export interface ScoreLine2 {
  unitId: string;
  quarter: string;
  amount: Points;
  ruleId: RuleId2;
  recordType: RecordType2;
  /** The record behind the line; for per-unit lines (start, targets, rates, clamps) the unit id, or unit|period for targets. */
  recordId: string;
  articleId?: string;
  /** Channel of the placement behind the line; used by per-channel caps. */
  channel?: Channel;
  /** Business date the line is attributed to. */
  date: string;
  /** Path of the scheme clause that produced it, e.g. 'adoption.rows[2]', 'targets[0]', 'total.deductions'. */
  clause: string;
  /** Chinese derivation naming the clause (row label and level cell, target, clamp). */
  explanation: string;
}
