import type { CommissionStatus, CompletionSummary, TargetStatus } from '@app/contracts';

export type { CommissionStatus, CompletionSummary, TargetStatus };

/**
 * An answer is judged by its article's submitted date, not by when it was linked: an article
 * submitted by the deadline and linked later is still on time. Without an answer a target is
 * pending until the deadline has passed, then missing.
 */
export function targetStatus(answerSubmittedDate: string | null, deadline: string, today: string): TargetStatus {
  if (answerSubmittedDate) return answerSubmittedDate <= deadline ? 'on-time' : 'late';
  return today > deadline ? 'missing' : 'pending';
}

export function commissionStatus(deadline: string, today: string): CommissionStatus {
  return today > deadline ? 'closed' : 'open';
}

/** Counts of each status and the on-time rate. */
export function summarize(statuses: TargetStatus[]): CompletionSummary {
  const count = (s: TargetStatus) => statuses.filter((x) => x === s).length;
  const onTime = count('on-time');
  const late = count('late');
  return {
    targets: statuses.length,
    answered: onTime + late,
    onTime,
    late,
    missing: count('missing'),
    pending: count('pending'),
    rate: ratio(onTime, statuses.length),
  };
}

/** a ÷ b to 4 places, rounded half-up in integers so 2/3 is 0.6667 on every platform. */
export function ratio(a: number, b: number): number | null {
  if (b === 0) return null;
  return Math.floor((a * 20000 + b) / (2 * b)) / 10000;
}
