// Adoptions (placements under the value table, the repeat rule and the split), their independent
// bonuses, and 批示.
import { CHANNEL_LABELS, LEVEL_LABELS, num, PROMINENCE_LABELS } from '../explain';
import { LEVELS } from '../types';
import type { Points, ScoringArticle, ScoringPlacement } from '../types';
import { FORM_LABELS } from './lookup';
import type { PlacementValue } from './lookup';
import { emitSplit } from './context';
import type { Context2 } from './context';

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
export function scorePlacements(ctx: Context2): void {
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

export function scoreInstructions(ctx: Context2): void {
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

