import { formatPoints } from '../fixed-point';
import { CHANNEL_LABELS, num } from '../explain';
import type { Channel, Points, ScoreLine } from '../types';
import type { QuarterContext } from './context';

interface UnitSums {
  media: Points;
  bulletin: Points;
  other: Points;
  total: Points;
}

function capLine(ctx: QuarterContext, unitId: string, amount: Points, explanation: string, channel?: Channel): ScoreLine {
  return {
    unitId,
    quarter: ctx.quarter,
    amount,
    ruleId: 'cap',
    recordType: 'unit',
    recordId: unitId,
    ...(channel ? { channel } : {}),
    date: ctx.end,
    explanation,
  };
}

/**
 * Caps and floor, per unit per quarter, applied to the lines already in `ctx.out`:
 * positive placement amounts of a channel above its cap, then all positive amounts above the
 * overall cap, are cut by negative 'cap' lines; a total (after caps) below the floor is raised
 * by a positive 'floor' line. The floor applies to every input unit, even one with no lines.
 */
export function applyCapsAndFloor(ctx: QuarterContext): void {
  const { caps, floor } = ctx.scheme;
  if (caps.media === null && caps.bulletin === null && caps.overall === null && floor === null) return;
  const sums = new Map<string, UnitSums>();
  const order: string[] = [];
  for (const u of ctx.index.input.units) {
    sums.set(u.id, { media: 0, bulletin: 0, other: 0, total: 0 });
    order.push(u.id);
  }
  for (const l of ctx.out) {
    let s = sums.get(l.unitId);
    if (!s) {
      s = { media: 0, bulletin: 0, other: 0, total: 0 };
      sums.set(l.unitId, s);
      order.push(l.unitId);
    }
    s.total += l.amount;
    if (l.amount <= 0) continue;
    if (l.channel) s[l.channel] += l.amount;
    else s.other += l.amount;
  }
  const extra: ScoreLine[] = [];
  for (const unitId of order) {
    const s = sums.get(unitId) as UnitSums;
    for (const ch of ['media', 'bulletin'] as const) {
      const cap = caps[ch];
      if (cap !== null && s[ch] > cap) {
        const cut = s[ch] - cap;
        extra.push(capLine(ctx, unitId, -cut, `${CHANNEL_LABELS[ch]}得分 ${num(s[ch])} 超过季度上限 ${num(cap)}：计 ${formatPoints(-cut, 4)} 分`, ch));
        s[ch] = cap;
        s.total -= cut;
      }
    }
    const positive = s.media + s.bulletin + s.other;
    if (caps.overall !== null && positive > caps.overall) {
      const cut = positive - caps.overall;
      extra.push(capLine(ctx, unitId, -cut, `季度加分合计 ${num(positive)} 超过总上限 ${num(caps.overall)}：计 ${formatPoints(-cut, 4)} 分`));
      s.total -= cut;
    }
    if (floor !== null && s.total < floor) {
      const add = floor - s.total;
      extra.push({
        unitId,
        quarter: ctx.quarter,
        amount: add,
        ruleId: 'floor',
        recordType: 'unit',
        recordId: unitId,
        date: ctx.end,
        explanation: `季度总分 ${num(s.total)} 低于保底分 ${num(floor)}：补足 ${formatPoints(add, 4)} 分`,
      });
    }
  }
  for (const l of extra) ctx.out.push(l);
}
