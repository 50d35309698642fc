import { formatPoints } from '../fixed-point';
import type { QuarterContext } from './context';

/**
 * 约稿: in the quarter of the deadline, each target unit gets `fulfilled` when it answered
 * with an article submitted on or before the deadline, and `missed` when it answered late or,
 * once the deadline is before asOfDate, not at all. Line date is the deadline.
 */
export function scoreCommissions(ctx: QuarterContext): void {
  const { scheme, start, end, asOfDate } = ctx;
  for (const c of ctx.index.input.commissions) {
    if (c.deadline < start || c.deadline > end) continue;
    for (const t of c.targets) {
      const answered = t.answeredArticleSubmittedDate;
      let fulfilled: boolean;
      let why: string;
      if (answered && answered <= c.deadline) {
        fulfilled = true;
        why = `约稿“${c.topic}”按期完成（截止 ${c.deadline}，${answered} 报送）`;
      } else if (answered) {
        fulfilled = false;
        why = `约稿“${c.topic}”逾期完成（截止 ${c.deadline}，${answered} 才报送）`;
      } else if (c.deadline < asOfDate) {
        fulfilled = false;
        why = `约稿“${c.topic}”未完成（截止 ${c.deadline}，未报送）`;
      } else {
        continue;
      }
      const amount = fulfilled ? scheme.commission.fulfilled : scheme.commission.missed;
      if (amount === 0) continue;
      ctx.out.push({
        unitId: t.unitId,
        quarter: ctx.quarter,
        amount,
        ruleId: fulfilled ? 'commission.fulfilled' : 'commission.missed',
        recordType: 'commission',
        recordId: c.id,
        date: c.deadline,
        explanation: `${why}：计 ${formatPoints(amount, 4)} 分`,
      });
    }
  }
}
