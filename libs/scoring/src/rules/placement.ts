import { mulFactors, ONE } from '../fixed-point';
import { amountPhrase, CHANNEL_LABELS, LEVEL_LABELS, MEDIUM_LABELS, num, PROMINENCE_LABELS } from '../explain';
import type { CompiledLengthBand, CompiledScheme } from '../scheme.types';
import { shareOf } from '../shares';
import type { Points, RuleId, ScoringArticle, ScoringPlacement } from '../types';
import { sharesOf } from './context';
import type { QuarterContext } from './context';

const scratch: number[] = [ONE, ONE, ONE, ONE];

function bandFor(scheme: CompiledScheme, wordCount: number | null | undefined): CompiledLengthBand | undefined {
  if (wordCount == null) return undefined;
  const bands = scheme.lengthBands;
  for (let i = 0; i < bands.length; i++) {
    if (wordCount >= bands[i].minWords && wordCount <= bands[i].maxWords) return bands[i];
  }
  return undefined;
}

function basePointsOf(scheme: CompiledScheme, p: ScoringPlacement): Points {
  const override = scheme.outletOverrides.size ? scheme.outletOverrides.get(p.outletCode) : undefined;
  return override !== undefined ? override : scheme.basePoints[p.channel][p.level];
}

/**
 * Score of one placement before any split: (outlet override, else base points by channel ×
 * level) × prominence × length band × medium × genre factor, multiplied exactly and
 * rounded once, half-up, to 4 decimals.
 */
export function placementScore(scheme: CompiledScheme, p: ScoringPlacement, article: ScoringArticle): Points {
  scratch[0] = scheme.prominence[p.prominence];
  scratch[1] = scheme.lengthBands.length ? (bandFor(scheme, article.wordCount)?.factor ?? ONE) : ONE;
  scratch[2] = p.medium && scheme.medium.size ? (scheme.medium.get(p.medium) ?? ONE) : ONE;
  scratch[3] = article.genre && scheme.genre.size ? (scheme.genre.get(article.genre) ?? ONE) : ONE;
  return mulFactors(basePointsOf(scheme, p), scratch);
}

/**
 * Formula texts by scheme, then by the factors that decide them. A quarter has thousands of
 * placements but only a few dozen factor combinations, and building the text (number
 * formatting, concatenation) was a tenth of the engine's time and much of its garbage.
 */
const formulaCache = new WeakMap<CompiledScheme, Map<string, string>>();

function formulaKey(scheme: CompiledScheme, p: ScoringPlacement, article: ScoringArticle): string {
  const base = scheme.outletOverrides.has(p.outletCode) ? `o:${p.outletCode}:${p.outletName}` : `${p.channel}:${p.level}`;
  const found = bandFor(scheme, article.wordCount);
  const band = found ? scheme.lengthBands.indexOf(found) : -1;
  return `${base}|${p.prominence}|${band}|${p.medium ?? ''}|${article.genre ?? ''}`;
}

/** placementFormula, memoized per scheme (the text is a pure function of the key's parts). */
function cachedFormula(scheme: CompiledScheme, p: ScoringPlacement, article: ScoringArticle, score: Points): string {
  let byKey = formulaCache.get(scheme);
  if (!byKey) formulaCache.set(scheme, (byKey = new Map()));
  const key = formulaKey(scheme, p, article);
  let text = byKey.get(key);
  if (text === undefined) byKey.set(key, (text = placementFormula(scheme, p, article, score)));
  return text;
}

/**
 * "基础分 30 × 头条 2 = 60" — the derivation of placementScore, for explanations.
 * `score` may be passed when already computed.
 */
export function placementFormula(
  scheme: CompiledScheme,
  p: ScoringPlacement,
  article: ScoringArticle,
  score: Points = placementScore(scheme, p, article),
): string {
  const override = scheme.outletOverrides.get(p.outletCode);
  let s = override !== undefined ? `${p.outletName}特定分 ${num(override)}` : `基础分 ${num(scheme.basePoints[p.channel][p.level])}`;
  s += ` × ${PROMINENCE_LABELS[p.prominence]} ${num(scheme.prominence[p.prominence])}`;
  const band = bandFor(scheme, article.wordCount);
  if (band) {
    const range = band.maxWords === Infinity ? `${band.minWords} 字以上` : `${band.minWords}–${band.maxWords} 字`;
    s += ` × 篇幅 ${range} ${num(band.factor)}`;
  }
  const medium = p.medium ? scheme.medium.get(p.medium) : undefined;
  if (p.medium && medium !== undefined) s += ` × ${MEDIUM_LABELS[p.medium] ?? p.medium} ${num(medium)}`;
  const genre = article.genre ? scheme.genre.get(article.genre) : undefined;
  if (article.genre && genre !== undefined) s += ` × 体裁“${article.genre}” ${num(genre)}`;
  return `${s} = ${num(score)}`;
}

function emit(
  ctx: QuarterContext,
  article: ScoringArticle,
  p: ScoringPlacement,
  score: Points,
  amount: Points,
  ruleId: RuleId,
  note: string,
): void {
  if (amount === 0) return;
  const head =
    `《${article.title}》被${p.outletName}（${LEVEL_LABELS[p.level]}·${CHANNEL_LABELS[p.channel]}）` +
    `${PROMINENCE_LABELS[p.prominence]}刊发：${cachedFormula(ctx.scheme, p, article, score)}${note}；`;
  for (const share of sharesOf(ctx, article)) {
    const part = shareOf(amount, share);
    ctx.out.push({
      unitId: share.unitId,
      quarter: ctx.quarter,
      amount: part,
      ruleId,
      recordType: 'placement',
      recordId: p.id,
      articleId: article.id,
      channel: p.channel,
      date: p.publishedDate,
      explanation: head + amountPhrase(part, share.label),
    });
  }
}

/**
 * A placement's score, computed once per index and scheme: under top-up every later quarter
 * looks again at the article's earlier placements.
 */
function scoreOf(ctx: QuarterContext, p: ScoringPlacement, article: ScoringArticle): Points {
  const cache = ctx.index.placementScores;
  if (cache.scheme !== ctx.scheme) {
    cache.scheme = ctx.scheme;
    cache.byPlacement.clear();
  }
  let s = cache.byPlacement.get(p);
  if (s === undefined) cache.byPlacement.set(p, (s = placementScore(ctx.scheme, p, article)));
  return s;
}

/** True when `a` beats `b` as an article's best placement: higher score, then earlier, then smaller id. */
function better(scoreA: Points, a: ScoringPlacement, scoreB: Points, b: ScoringPlacement): boolean {
  if (scoreA !== scoreB) return scoreA > scoreB;
  if (a.publishedDate !== b.publishedDate) return a.publishedDate < b.publishedDate;
  return a.id < b.id;
}

/**
 * Placement rule for one quarter under the scheme's repeat-adoption policy:
 * - top-up: an article earns max(0, best score up to the quarter's end − best score before
 *   the quarter), attributed to the best placement of the quarter;
 * - highest: the best placement of the quarter counts;  - sum: every placement counts.
 * Placements of articles not in the input are ignored (the article is not verified).
 */
export function scorePlacements(ctx: QuarterContext): void {
  const { scheme, start, end } = ctx;
  const policy = scheme.repeatAdoption;
  for (const [articleId, placements] of ctx.index.placementsByArticle) {
    const article = ctx.index.articles.get(articleId);
    if (!article) continue;
    let bestBefore = 0;
    let best: ScoringPlacement | undefined;
    let bestScore = 0;
    let inQuarter = 0;
    for (let i = 0; i < placements.length; i++) {
      const p = placements[i];
      const d = p.publishedDate;
      if (d > end) continue;
      if (d < start) {
        if (policy === 'top-up') {
          const s = scoreOf(ctx, p, article);
          if (s > bestBefore) bestBefore = s;
        }
        continue;
      }
      const s = scoreOf(ctx, p, article);
      inQuarter++;
      if (policy === 'sum') emit(ctx, article, p, s, s, 'placement', '');
      else if (!best || better(s, p, bestScore, best)) {
        best = p;
        bestScore = s;
      }
    }
    if (!best) continue;
    const several = inQuarter > 1 ? `（本季度共 ${inQuarter} 次采用，取最高）` : '';
    if (policy === 'highest') emit(ctx, article, best, bestScore, bestScore, 'placement', several);
    else if (policy === 'top-up') {
      if (bestBefore === 0) emit(ctx, article, best, bestScore, bestScore, 'placement', several);
      else if (bestScore > bestBefore) {
        const note = `${several}；此前季度最高 ${num(bestBefore)}，本季度补差 ${num(bestScore - bestBefore)}`;
        emit(ctx, article, best, bestScore, bestScore - bestBefore, 'placement.top-up', note);
      }
    }
  }
}
