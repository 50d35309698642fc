// Lines from records other than adoptions: 约稿, monthly reports, 事项 and manual adjustments.
import { formatPoints } from '../fixed-point';
import { LEVEL_LABELS, num } from '../explain';
import { monthlyReportDueDate, monthsOfQuarter } from '../quarter';
import { LEVELS, ScoringInputError } from '../types';
import type { CommissionOutcome, Points } from '../types';
import type { Context2 } from './context';

const OUTCOME_LABELS: Record<CommissionOutcome, string> = { 'on-time': '按时完成', late: '逾期完成', missed: '未完成' };
const OUTCOME_KEYS = { 'on-time': 'onTime', late: 'late', missed: 'missed' } as const;

/** The outcome of one 约稿 target: the office's finding, else from the dates; null while still open. */
export function commissionOutcome(deadline: string, t: { answeredArticleSubmittedDate?: string | null; outcome?: CommissionOutcome | null }, asOfDate: string): CommissionOutcome | null {
  if (t.outcome) return t.outcome;
  const answered = t.answeredArticleSubmittedDate;
  if (answered) return answered <= deadline ? 'on-time' : 'late';
  return deadline < asOfDate ? 'missed' : null;
}

export function scoreCommissions(ctx: Context2): void {
  const c = ctx.scheme.commission;
  if (!c) return;
  for (const k of ctx.index.input.commissions) {
    if (k.deadline < ctx.start || k.deadline > ctx.end) continue;
    const issuer = k.issuerCategory ? c.byIssuer.get(k.issuerCategory) : undefined;
    for (const t of k.targets) {
      const outcome = commissionOutcome(k.deadline, t, ctx.asOfDate);
      if (!outcome) continue;
      const key = OUTCOME_KEYS[outcome];
      const own = issuer?.[key];
      const amount = own ?? c[key];
      if (!amount) continue;
      const by = k.issuerCategory ? `（${k.issuerCategory}约稿）` : '';
      const rule = own !== undefined ? `约稿·${k.issuerCategory}·${OUTCOME_LABELS[outcome]} ${num(own)}` : `约稿·${OUTCOME_LABELS[outcome]} ${num(amount)}`;
      const when = t.answeredArticleSubmittedDate ? `，${t.answeredArticleSubmittedDate} 报送` : '';
      ctx.out.push({
        unitId: t.unitId,
        quarter: ctx.quarter,
        amount,
        ruleId: `commission.${outcome}`,
        recordType: 'commission',
        recordId: k.id,
        date: k.deadline,
        clause: own !== undefined ? `commission.byIssuer.${k.issuerCategory}` : 'commission',
        explanation: `约稿“${k.topic}”${by}${OUTCOME_LABELS[outcome]}（截止 ${k.deadline}${when}）：${rule}，计 ${formatPoints(amount, 4)} 分`,
      });
    }
  }
}

export function scoreMonthlyReports(ctx: Context2): void {
  const m = ctx.scheme.monthlyReport;
  if (!m) return;
  for (const month of monthsOfQuarter(ctx.quarter)) {
    const due = monthlyReportDueDate(month, m.dueDay);
    if (due > ctx.asOfDate) continue;
    for (const unit of ctx.index.input.units) {
      const report = ctx.index.reports.get(`${unit.id}|${month}`);
      const filed = report?.filedDate && report.filedDate <= ctx.asOfDate ? report.filedDate : null;
      if (filed && filed <= due) continue;
      if (!filed && due === ctx.asOfDate) continue;
      const amount = filed ? m.late : m.missing;
      if (amount === 0) continue;
      const why = filed ? `${month} 月报逾期报送（应于 ${due} 前报送，实际 ${filed}）：月报·逾期 ${num(amount)}` : `${month} 月报未报送（应于 ${due} 前报送）：月报·未报 ${num(amount)}`;
      ctx.out.push({
        unitId: unit.id,
        quarter: ctx.quarter,
        amount,
        ruleId: filed ? 'monthly-report.late' : 'monthly-report.missing',
        recordType: 'monthly-report',
        recordId: month,
        date: due,
        clause: 'monthlyReport',
        explanation: `${why}，计 ${formatPoints(amount, 4)} 分`,
      });
    }
  }
}

export function scoreItems(ctx: Context2): void {
  for (const it of ctx.index.input.items ?? []) {
    if (it.date < ctx.start || it.date > ctx.end) continue;
    const kind = ctx.scheme.items.get(it.kind);
    if (!kind) throw new ScoringInputError(`计分办法中没有事项“${it.kind}”`, it.id);
    let amount: Points | null;
    if (kind.flat) amount = kind.cells[0];
    else {
      if (!it.level) throw new ScoringInputError(`事项“${it.kind}”按级别计分，记录缺少级别`, it.id);
      amount = kind.cells[LEVELS.indexOf(it.level)];
    }
    if (!amount) continue;
    const level = !kind.flat && it.level ? `${LEVEL_LABELS[it.level]} ` : '';
    const title = it.title ? `（${it.title}）` : '';
    const voided = kind.voidsArticle && it.articleId ? ctx.index.articles.get(it.articleId) : undefined;
    const voids = voided ? `；稿件《${voided.title}》不计分、不计为被采用` : '';
    ctx.out.push({
      unitId: it.unitId,
      quarter: ctx.quarter,
      amount,
      ruleId: 'item',
      recordType: 'item',
      recordId: it.id,
      ...(it.articleId ? { articleId: it.articleId } : {}),
      date: it.date,
      clause: `items[${kind.index}]`,
      explanation: `事项“${kind.kind}”${title}：${level}${num(amount)}${voids}，计 ${formatPoints(amount, 4)} 分`,
    });
  }
}

export function scoreAdjustments(ctx: Context2): void {
  for (const a of ctx.index.input.adjustments ?? []) {
    if (a.quarter !== ctx.quarter || a.amount === 0) continue;
    ctx.out.push({
      unitId: a.unitId,
      quarter: ctx.quarter,
      amount: a.amount,
      ruleId: 'adjustment',
      recordType: 'adjustment',
      recordId: a.id,
      date: ctx.end,
      clause: 'adjustments',
      explanation: `${a.amount > 0 ? '加分' : '减分'}（办公室核定）：${a.reason}，计 ${formatPoints(a.amount, 4)} 分`,
    });
  }
}

