import { formatDecimal, formatPoints } from './fixed-point';
import type { Channel, Level, Medium, Points, Prominence } from './types';

/** Chinese labels used in explanations and by the UI. */
export const LEVEL_LABELS: Record<Level, string> = {
  central: '中央级',
  provincial: '省级',
  municipal: '市级',
  district: '区县级',
};

export const CHANNEL_LABELS: Record<Channel, string> = { media: '媒体', bulletin: '信息简报' };

export const PROMINENCE_LABELS: Record<Prominence, string> = { headline: '头条', front: '头版', normal: '一般版面' };

export const MEDIUM_LABELS: Record<Medium, string> = {
  newspaper: '报纸',
  tv: '电视',
  radio: '广播',
  web: '网站',
  'new-media': '新媒体',
  app: '客户端',
  bulletin: '简报',
};

/** "计 30.0000 分", or the joint phrase "联合稿件按份额 50% 计 30.0000 分". */
export function amountPhrase(amount: Points, shareLabel: string): string {
  return `${shareLabel ? `联合稿件${shareLabel} ` : ''}计 ${formatPoints(amount, 4)} 分`;
}

/** A points value or factor written without trailing zeros ("30", "1.5"). */
export function num(v: number): string {
  return formatDecimal(v);
}
