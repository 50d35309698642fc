import { formatPoints } from '../fixed-point';
import { CHANNEL_LABELS, num } from '../explain';
import { CHANNELS } from '../types';
import type { Channel, Points } from '../types';
import type { RuleId2, ScoreLine2 } from './lines';
import type { Context2 } from './context';

interface Sums {
  deductions: Points;
  bonuses: Points;
  byChannel: Record<Channel, Points>;
}

/**
 * The total's steps, per unit: the starting points (a line of their own), then deductions
 * and bonuses in the scheme's order, then the net clamp. Deductions are the unit's negative
 * lines, bonuses its positive ones. A deduction floor lets deductions take the running total
 * down to the floor and no further ("扣完基础分为止"); bonus caps cut each channel's adoption
 * bonuses, then all bonuses; every clamp is a line that says what it clamped.
 */
export function applyTotals(ctx: Context2): void {
  const t = ctx.scheme.total;
  const noClamps =
    t.start === 0 && t.deductionFloor === null && t.bonusCap === null && t.channelCaps.media === null && t.channelCaps.bulletin === null && t.netFloor === null && t.netCap === null;
  if (noClamps) return;
  const sums = new Map<string, Sums>();
  const order: string[] = [];
  const add = (unitId: string) => {
    let s = sums.get(unitId);
    if (!s) {
      sums.set(unitId, (s = { deductions: 0, bonuses: 0, byChannel: { media: 0, bulletin: 0 } }));
      order.push(unitId);
    }
    return s;
  };
  for (const u of ctx.index.input.units) add(u.id);
  for (const l of ctx.out) {
    const s = add(l.unitId);
    if (l.amount < 0) s.deductions += l.amount;
    else {
      s.bonuses += l.amount;
      if (l.channel) s.byChannel[l.channel] += l.amount;
    }
  }
  const head: ScoreLine2[] = [];
  const tail: ScoreLine2[] = [];
  const line = (unitId: string, amount: Points, ruleId: RuleId2, clause: string, explanation: string, channel?: Channel): ScoreLine2 => ({
    unitId,
    quarter: ctx.quarter,
    amount,
    ruleId,
    recordType: 'unit',
    recordId: unitId,
    ...(channel ? { channel } : {}),
    date: ctx.end,
    clause,
    explanation,
  });
  for (const unitId of order) {
    const s = sums.get(unitId) as Sums;
    let running = t.start;
    let soFar = t.start !== 0 ? `基础分 ${num(t.start)}` : '';
    if (t.start !== 0) head.push(line(unitId, t.start, 'start', 'total.start', `每季度基础分 ${num(t.start)}：计 ${formatPoints(t.start, 4)} 分`));
    for (const step of t.order) {
      if (step === 'deductions') {
        const floor = t.deductionFloor;
        let counted = s.deductions;
        if (floor !== null) counted = Math.min(0, Math.max(s.deductions, floor - running));
        if (counted !== s.deductions) {
          const lead = soFar ? `${soFar} + ` : '';
          tail.push(
            line(unitId, counted - s.deductions, 'deductions.floor', 'total.deductions',
              `${lead}扣分 ${num(s.deductions)}，扣至 ${num(floor as number)}：计 ${num(counted)}（本行调整 ${formatPoints(counted - s.deductions, 4)} 分）`),
          );
        }
        running += counted;
        soFar = soFar ? `${soFar} + 扣分 ${num(counted)}` : `扣分 ${num(counted)}`;
      } else {
        let bonuses = s.bonuses;
        for (const ch of CHANNELS) {
          const cap = t.channelCaps[ch];
          if (cap !== null && s.byChannel[ch] > cap) {
            const cut = s.byChannel[ch] - cap;
            tail.push(line(unitId, -cut, 'bonuses.channel-cap', `total.bonuses.channelCaps.${ch}`,
              `${CHANNEL_LABELS[ch]}采用加分 ${num(s.byChannel[ch])} 超过上限 ${num(cap)}：计 ${num(cap)}（本行 ${formatPoints(-cut, 4)} 分）`, ch));
            bonuses -= cut;
          }
        }
        if (t.bonusCap !== null && bonuses > t.bonusCap) {
          const cut = bonuses - t.bonusCap;
          tail.push(line(unitId, -cut, 'bonuses.cap', 'total.bonuses', `加分合计 ${num(bonuses)} 超过上限 ${num(t.bonusCap)}：计 ${num(t.bonusCap)}（本行 ${formatPoints(-cut, 4)} 分）`));
          bonuses = t.bonusCap;
        }
        running += bonuses;
        soFar = soFar ? `${soFar} + 加分 ${num(bonuses)}` : `加分 ${num(bonuses)}`;
      }
    }
    if (t.netCap !== null && running > t.netCap) {
      tail.push(line(unitId, t.netCap - running, 'net.cap', 'total.net', `${soFar} = ${num(running)}，超过总分上限 ${num(t.netCap)}：计 ${num(t.netCap)}（本行 ${formatPoints(t.netCap - running, 4)} 分）`));
    } else if (t.netFloor !== null && running < t.netFloor) {
      tail.push(line(unitId, t.netFloor - running, 'net.floor', 'total.net', `${soFar} = ${num(running)}，低于总分下限 ${num(t.netFloor)}：计 ${num(t.netFloor)}（本行补 ${formatPoints(t.netFloor - running, 4)} 分）`));
    }
  }
  ctx.out.unshift(...head);
  for (const l of tail) ctx.out.push(l);
}
