// Per-unit rules over a period: targets on counts (per month or quarter) and rate thresholds.
import { formatPoints, mulDiv } from '../fixed-point';
import { LEVEL_LABELS, num } from '../explain';
import { monthsOfQuarter, daysInMonth } from '../quarter';
import { LEVELS } from '../types';
import type { ScoringArticle } from '../types';
import type { Context2 } from './context';
import { commissionOutcome } from './records';

function inGroups(groups: Set<string> | null, u: { groupId: string; groupName?: string }): boolean {
  return !groups || groups.has(u.groupId) || (u.groupName !== undefined && groups.has(u.groupName));
}

/** Whether the article has an adoption (at minLevel or above) published within [from, to]. */
function adopted(ctx: Context2, a: ScoringArticle, from: string, to: string, minLevel: number | null): boolean {
  if (ctx.index.voided.has(a.id)) return false;
  for (const p of ctx.index.placementsByArticle.get(a.id) ?? []) {
    if (p.publishedDate < from || p.publishedDate > to) continue;
    if (minLevel === null || LEVELS.indexOf(p.level) <= minLevel) return true;
  }
  return false;
}

/** Per-period targets, applied only once the period has ended (asOfDate after its last day). */
export function scoreTargets(ctx: Context2): void {
  for (const t of ctx.scheme.targets) {
    const periods =
      t.per === 'quarter'
        ? [{ name: ctx.quarter, label: `${ctx.quarter} 季度`, from: ctx.start, to: ctx.end }]
        : monthsOfQuarter(ctx.quarter).map((m) => {
            const [y, mo] = m.split('-').map(Number);
            return { name: m, label: `${m} 月`, from: `${m}-01`, to: `${m}-${String(daysInMonth(y, mo)).padStart(2, '0')}` };
          });
    const what = t.count === 'submitted' ? '报送稿件' : `被${t.minLevel !== null ? `${LEVEL_LABELS[LEVELS[t.minLevel]]}及以上` : ''}采用稿件`;
    for (const u of ctx.index.input.units) {
      if (!inGroups(t.groups, u)) continue;
      for (const period of periods) {
        if (period.to >= ctx.asOfDate) continue;
        let n = 0;
        for (const a of ctx.index.unitArticles.get(u.id) ?? []) {
          if (t.count === 'submitted' ? a.submittedDate >= period.from && a.submittedDate <= period.to : adopted(ctx, a, period.from, period.to, t.minLevel)) n++;
        }
        const diff = n - t.target;
        const each = diff < 0 ? t.eachShort : diff > 0 ? t.eachOver : null;
        if (!each) continue;
        const amount = each * Math.abs(diff);
        const verb = diff < 0 ? `少 ${-diff} 篇，每少 1 篇 ${num(each)}` : `多 ${diff} 篇，每多 1 篇 ${num(each)}`;
        ctx.out.push({
          unitId: u.id,
          quarter: ctx.quarter,
          amount,
          ruleId: 'target',
          recordType: 'unit',
          recordId: `${u.id}|${period.name}`,
          date: period.to,
          clause: `targets[${t.index}]`,
          explanation: `「${t.label}」${period.label}${what} ${n} 篇，任务 ${t.target} 篇，${verb}，计 ${formatPoints(amount, 4)} 分`,
        });
      }
    }
  }
}

/** Rate thresholds over the quarter, applied once it has ended; a unit with nothing to rate gets no line. */
export function scoreRates(ctx: Context2): void {
  if (!ctx.scheme.rates.length || ctx.end >= ctx.asOfDate) return;
  for (const r of ctx.scheme.rates) {
    for (const u of ctx.index.input.units) {
      if (!inGroups(r.groups, u)) continue;
      let num_ = 0;
      let den = 0;
      let what: string;
      if (r.rate === 'adoption') {
        what = '采用率（本季度报送稿件中被采用的比例）';
        for (const a of ctx.index.unitArticles.get(u.id) ?? []) {
          if (a.submittedDate < ctx.start || a.submittedDate > ctx.end) continue;
          den++;
          if (adopted(ctx, a, '0000-01-01', ctx.end, null)) num_++;
        }
      } else {
        what = r.rate === 'commission' ? '约稿完成率' : '约稿按时完成率';
        for (const k of ctx.index.input.commissions) {
          if (k.deadline < ctx.start || k.deadline > ctx.end) continue;
          for (const t of k.targets) {
            if (t.unitId !== u.id) continue;
            const o = commissionOutcome(k.deadline, t, ctx.asOfDate);
            if (!o) continue;
            den++;
            if (o === 'on-time' || (o === 'late' && r.rate === 'commission')) num_++;
          }
        }
      }
      if (den === 0) continue;
      // rate < t ⇔ num × 10000 < t × den, exactly.
      const hit = r.below !== null ? num_ * 10000 < r.below * den : num_ * 10000 >= (r.atLeast as number) * den;
      if (!hit) continue;
      const pct = formatPoints(mulDiv(num_, 1000000, den), 2);
      const cond = r.below !== null ? `低于 ${num(r.below * 100)}%` : `达到 ${num((r.atLeast as number) * 100)}%`;
      ctx.out.push({
        unitId: u.id,
        quarter: ctx.quarter,
        amount: r.points,
        ruleId: 'rate',
        recordType: 'unit',
        recordId: u.id,
        date: ctx.end,
        clause: `rates[${r.index}]`,
        explanation: `「${r.label}」${what} ${num_}/${den} = ${pct}%，${cond}：计 ${formatPoints(r.points, 4)} 分`,
      });
    }
  }
}

