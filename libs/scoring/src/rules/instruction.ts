import { amountPhrase, LEVEL_LABELS, num } from '../explain';
import { shareOf } from '../shares';
import { sharesOf } from './context';
import type { QuarterContext } from './context';

/**
 * Leader-instruction bonus by the leader's level, in the quarter of the instruction's date,
 * split between the article's units like its placements. Instructions on articles not in the
 * input are ignored.
 */
export function scoreInstructions(ctx: QuarterContext): void {
  const { scheme, start, end } = ctx;
  for (const ins of ctx.index.input.instructions) {
    if (ins.date < start || ins.date > end) continue;
    const article = ctx.index.articles.get(ins.articleId);
    if (!article) continue;
    const bonus = scheme.instructionBonus[ins.level];
    if (!bonus) continue;
    const head = `《${article.title}》获${ins.leaderTitle}（${LEVEL_LABELS[ins.level]}领导）批示：批示加分 ${num(bonus)}；`;
    for (const share of sharesOf(ctx, article)) {
      const part = shareOf(bonus, share);
      ctx.out.push({
        unitId: share.unitId,
        quarter: ctx.quarter,
        amount: part,
        ruleId: 'instruction',
        recordType: 'instruction',
        recordId: ins.id,
        articleId: article.id,
        date: ins.date,
        explanation: head + amountPhrase(part, share.label),
      });
    }
  }
}
