import { formatPoints, mulDiv } from '../fixed-point';
import { amountPhrase, CHANNEL_LABELS, LEVEL_LABELS, num, PROMINENCE_LABELS } from '../explain';
import { monthlyReportDueDate, monthsOfQuarter, quarterRange, daysInMonth } from '../quarter';
import type { UnitShare } from '../shares';
import { LEVELS, ScoringInputError } from '../types';
import type { Channel, CommissionOutcome, Points, ScoringArticle, ScoringInput, ScoringItemRecord, ScoringMonthlyReport, ScoringPlacement } from '../types';
import type { CompiledScheme2 } from './compile';
import type { RecordType2, RuleId2, ScoreLine2 } from './lines';
import { FORM_LABELS } from './lookup';
import type { PlacementValue } from './lookup';
import { partOf, splitArticle } from './split';
import type { CompiledSplit } from './split';
import { indexInput } from '../rules/context';
import { applyTotals } from './totals';

/** Input indexed once per scheme, shared by every quarter scored from it. */
export interface Index2 {
  input: ScoringInput;
  articles: Map<string, ScoringArticle>;
  placementsByArticle: Map<string, ScoringPlacement[]>;
  reports: Map<string, ScoringMonthlyReport>;
  /** Articles voided by a record of a voiding kind, with that record. */
  voided: Map<string, ScoringItemRecord>;
  unitArticles: Map<string, ScoringArticle[]>;
  shares: Map<CompiledSplit, Map<string, UnitShare[]>>;
}

export interface Context2 {
  scheme: CompiledScheme2;
  index: Index2;
  quarter: string;
  start: string;
  end: string;
  asOfDate: string;
  out: ScoreLine2[];
}

export function indexInput2(scheme: CompiledScheme2, input: ScoringInput): Index2 {
  const { articles, placementsByArticle, reports } = indexInput(input);
  const unitArticles = new Map<string, ScoringArticle[]>();
  for (const a of input.articles) {
    for (const u of a.units) {
      const l = unitArticles.get(u.unitId);
      if (l) l.push(a);
      else unitArticles.set(u.unitId, [a]);
    }
  }
  const voided = new Map<string, ScoringItemRecord>();
  for (const it of input.items ?? []) {
    const kind = scheme.items.get(it.kind);
    if (kind?.voidsArticle && it.articleId && !voided.has(it.articleId)) voided.set(it.articleId, it);
  }
  return { input, articles, placementsByArticle, reports, voided, unitArticles, shares: new Map() };
}

function sharesOf(ctx: Context2, article: ScoringArticle, split: CompiledSplit): UnitShare[] {
  let bySplit = ctx.index.shares.get(split);
  if (!bySplit) ctx.index.shares.set(split, (bySplit = new Map()));
  let s = bySplit.get(article.id);
  if (!s) bySplit.set(article.id, (s = splitArticle(article, split)));
  return s;
}

/**
 * Pushes one line per unit share of `amount`. Arguments rather than a template object: the
 * lines are built as literals of one shape, which halved the engine's time and garbage.
 */
function emitSplit(
  ctx: Context2,
  article: ScoringArticle,
  split: CompiledSplit,
  amount: Points,
  ruleId: RuleId2,
  recordType: RecordType2,
  recordId: string,
  channel: Channel | undefined,
  date: string,
  clause: string,
  head: string,
): void {
  if (amount === 0) return;
  const shares = sharesOf(ctx, article, split);
  for (let i = 0; i < shares.length; i++) {
    const share = shares[i];
    const part = partOf(amount, share);
    if (part === 0 && share.num === 0) continue;
    ctx.out.push({
      unitId: share.unitId,
      quarter: ctx.quarter,
      amount: part,
      ruleId,
      recordType,
      recordId,
      articleId: article.id,
      channel,
      date,
      clause,
      explanation: head + amountPhrase(part, share.label),
    });
  }
}

function placementHead(article: ScoringArticle, p: ScoringPlacement): string {
  const form = p.form && p.form !== 'full' ? `·${FORM_LABELS[p.form]}采用` : '';
  return `《${article.title}》被${p.outletName}（${LEVEL_LABELS[p.level]}·${CHANNEL_LABELS[p.channel]}${form}）${PROMINENCE_LABELS[p.prominence]}刊发：`;
}

function emitPlacement(ctx: Context2, article: ScoringArticle, p: ScoringPlacement, v: PlacementValue, amount: Points, note: string, ruleId: 'placement' | 'placement.top-up'): void {
  if (amount === 0 || !v.row) return;
  emitSplit(ctx, article, ctx.scheme.split, amount, ruleId, 'placement', p.id, p.channel, p.publishedDate, v.row.path, `${placementHead(article, p)}${v.formula}${note}；`);
}

/** True when `a` beats `b`: higher value, then earlier, then smaller id. */
function better(va: Points, a: ScoringPlacement, vb: Points, b: ScoringPlacement): boolean {
  if (va !== vb) return va > vb;
  if (a.publishedDate !== b.publishedDate) return a.publishedDate < b.publishedDate;
  return a.id < b.id;
}

/**
 * Adoptions under the repeat rule (top-up / highest / sum as today; best-per-level keeps
 * the best placement of each of the N highest levels the article reached this quarter),
 * then the independent bonuses of every placement of the quarter. Voided articles score nothing.
 */
function scorePlacements(ctx: Context2): void {
  const { scheme, start, end } = ctx;
  const keep = scheme.repeat.keep;
  const lookup = scheme.lookup;
  for (const [articleId, placements] of ctx.index.placementsByArticle) {
    const article = ctx.index.articles.get(articleId);
    if (!article || ctx.index.voided.has(articleId)) continue;
    let bestBefore = 0;
    let best: ScoringPlacement | undefined;
    let bestV: PlacementValue | undefined;
    let inQuarter = 0;
    let perLevel: { p: ScoringPlacement; v: PlacementValue }[] | undefined;
    for (let i = 0; i < placements.length; i++) {
      const p = placements[i];
      const d = p.publishedDate;
      if (d > end) continue;
      if (d < start) {
        if (keep === 'top-up') {
          const s = lookup.valueOf(p, article).value;
          if (s > bestBefore) bestBefore = s;
        }
        continue;
      }
      const v = lookup.valueOf(p, article);
      inQuarter++;
      for (const b of v.independent) {
        emitSplit(ctx, article, scheme.split, b.amount, 'bonus', 'placement', p.id, p.channel, p.publishedDate, b.bonus.path, `${placementHead(article, p)}「${b.bonus.label}」${LEVEL_LABELS[p.level]} ${num(b.amount)}（单独计算，不受重复采用规则限制）；`);
      }
      if (keep === 'sum') emitPlacement(ctx, article, p, v, v.value, '', 'placement');
      else if (keep === 'best-per-level') {
        if (v.value <= 0) continue;
        perLevel ??= [];
        const lv = LEVELS.indexOf(p.level);
        const cur = perLevel[lv];
        if (!cur || better(v.value, p, cur.v.value, cur.p)) perLevel[lv] = { p, v };
      } else if (!best || better(v.value, p, bestV!.value, best)) {
        best = p;
        bestV = v;
      }
    }
    if (perLevel) {
      const n = scheme.repeat.levels;
      let kept = 0;
      for (let lv = 0; lv < perLevel.length && kept < n; lv++) {
        const e = perLevel[lv];
        if (!e) continue;
        kept++;
        const note = inQuarter > 1 ? `（同一稿件本季度取最高 ${n} 个级别、每级最高一次，此为${LEVEL_LABELS[e.p.level]}）` : '';
        emitPlacement(ctx, article, e.p, e.v, e.v.value, note, 'placement');
      }
      continue;
    }
    if (!best || !bestV) continue;
    const several = inQuarter > 1 ? `（本季度共 ${inQuarter} 次采用，取最高）` : '';
    if (keep === 'highest') emitPlacement(ctx, article, best, bestV, bestV.value, several, 'placement');
    else if (keep === 'top-up') {
      if (bestBefore === 0) emitPlacement(ctx, article, best, bestV, bestV.value, several, 'placement');
      else if (bestV.value > bestBefore) {
        const note = `${several}；此前季度最高 ${num(bestBefore)}，本季度补差 ${num(bestV.value - bestBefore)}`;
        emitPlacement(ctx, article, best, bestV, bestV.value - bestBefore, note, 'placement.top-up');
      }
    }
  }
}

function scoreInstructions(ctx: Context2): void {
  const ins = ctx.scheme.instructions;
  if (!ins) return;
  for (const i of ctx.index.input.instructions) {
    if (i.date < ctx.start || i.date > ctx.end) continue;
    const article = ctx.index.articles.get(i.articleId);
    if (!article || ctx.index.voided.has(article.id)) continue;
    const cell = ins.cells[LEVELS.indexOf(i.level)];
    if (!cell) continue;
    emitSplit(ctx, article, ins.split, cell, 'instruction', 'instruction', i.id, undefined, i.date, 'instructions', `《${article.title}》获${i.leaderTitle}（${LEVEL_LABELS[i.level]}领导）批示：领导批示${LEVEL_LABELS[i.level]} ${num(cell)}；`);
  }
}

const OUTCOME_LABELS: Record<CommissionOutcome, string> = { 'on-time': '按时完成', late: '逾期完成', missed: '未完成' };
const OUTCOME_KEYS = { 'on-time': 'onTime', late: 'late', missed: 'missed' } as const;

/** The outcome of one 约稿 target: the office's finding, else from the dates; null while still open. */
export function commissionOutcome(deadline: string, t: { answeredArticleSubmittedDate?: string | null; outcome?: CommissionOutcome | null }, asOfDate: string): CommissionOutcome | null {
  if (t.outcome) return t.outcome;
  const answered = t.answeredArticleSubmittedDate;
  if (answered) return answered <= deadline ? 'on-time' : 'late';
  return deadline < asOfDate ? 'missed' : null;
}

function scoreCommissions(ctx: Context2): void {
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

function scoreMonthlyReports(ctx: Context2): void {
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

function scoreItems(ctx: Context2): void {
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

function scoreAdjustments(ctx: Context2): void {
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
function scoreTargets(ctx: Context2): void {
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
function scoreRates(ctx: Context2): void {
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

function scoreIndexed(scheme: CompiledScheme2, index: Index2, quarter: string): ScoreLine2[] {
  const { start, end } = quarterRange(quarter);
  const ctx: Context2 = { scheme, index, quarter, start, end, asOfDate: index.input.asOfDate, out: [] };
  scorePlacements(ctx);
  scoreInstructions(ctx);
  scoreCommissions(ctx);
  scoreMonthlyReports(ctx);
  scoreItems(ctx);
  scoreAdjustments(ctx);
  scoreTargets(ctx);
  scoreRates(ctx);
  applyTotals(ctx);
  return ctx.out;
}

/**
 * Scores one quarter ('YYYY-Qn') under a format-2 scheme: adoptions (table row × factors,
 * repeat rule, split) and their independent bonuses, 批示, 约稿, monthly reports, 事项,
 * adjustments, targets, rates, then the total's steps (start, deductions with their floor,
 * bonuses with their caps, net), each clamp its own line. Lines of amount 0 are not emitted.
 * `input.placements` must include earlier quarters (top-up reads the article's history).
 * @throws ScoringInputError for unusable shares or an item record of a kind the scheme lacks.
 */
export function scoreQuarter2(scheme: CompiledScheme2, input: ScoringInput, quarter: string): ScoreLine2[] {
  return scoreIndexed(scheme, indexInput2(scheme, input), quarter);
}

/** Scores several quarters from one input, indexing it once. */
export function scoreAll2(scheme: CompiledScheme2, input: ScoringInput, quarters: readonly string[]): ScoreLine2[] {
  const index = indexInput2(scheme, input);
  const out: ScoreLine2[] = [];
  for (const q of quarters) for (const l of scoreIndexed(scheme, index, q)) out.push(l);
  return out;
}
