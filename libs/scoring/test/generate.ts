import { rng } from '../../../test/bench/dataset';
import { CHANNELS, LEVELS, MEDIA, PROMINENCES } from '../src/types';
import type { ScoringArticle, ScoringCommission, ScoringInput, ScoringInstruction, ScoringMonthlyReport, ScoringPlacement, ScoringUnit } from '../src/types';

export interface GenerateOptions {
  seed: number;
  units: number;
  articles: number;
  /** Largest number of placements per article (uniform 0..max). */
  maxPlacements: number;
  /** Quarters the records spread over, e.g. ['2023-Q2', '2023-Q3']. */
  quarters: string[];
  asOfDate: string;
  outletCodes?: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Seeded records across levels, channels, media, prominence, lengths, genres, joint shares
 * (declared, partial, none), repeats across quarters, 批示, 约稿 answered on time, late or
 * never, and monthly reports on time, late or missing.
 */
export function generateInput(o: GenerateOptions): ScoringInput {
  const r = rng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const outlets = o.outletCodes ?? ['RMRB', 'XHS', 'SRB', 'SZB', 'QRM', 'ZGXX'];
  const dateIn = (q: string) => {
    const [y, n] = q.split('-Q').map(Number);
    return `${y}-${pad((n - 1) * 3 + 1 + Math.floor(r() * 3))}-${pad(1 + Math.floor(r() * 28))}`;
  };
  const units: ScoringUnit[] = Array.from({ length: o.units }, (_, i) => ({ id: `u${i}`, code: `U${pad(i)}`, name: `单位${i}`, groupId: i % 2 ? 'g2' : 'g1' }));
  const articles: ScoringArticle[] = [];
  const placements: ScoringPlacement[] = [];
  const instructions: ScoringInstruction[] = [];
  for (let i = 0; i < o.articles; i++) {
    const n = r() < 0.7 ? 1 : r() < 0.6 ? 2 : 3;
    const chosen: ScoringUnit[] = [];
    while (chosen.length < n) {
      const u = pick(units);
      if (!chosen.includes(u)) chosen.push(u);
    }
    const shareMode = r();
    const shares = n === 1 ? [undefined] : shareMode < 0.4 ? (n === 2 ? ['60', '40'] : ['50', '30', '20']) : shareMode < 0.6 ? ['33.33', ...Array(n - 1).fill(undefined)] : Array(n).fill(undefined);
    const id = `a${i}`;
    const q = pick(o.quarters);
    articles.push({
      id,
      title: `稿件${i}`,
      submittedDate: dateIn(q),
      wordCount: r() < 0.2 ? null : Math.floor(r() * 3000),
      genre: pick([null, '评论', '通讯', '消息']),
      units: chosen.map((u, k) => ({ unitId: u.id, sharePercent: shares[k] })),
    });
    const np = Math.floor(r() * (o.maxPlacements + 1));
    for (let k = 0; k < np; k++) {
      const code = pick(outlets);
      placements.push({
        id: `${id}p${k}`,
        articleId: id,
        outletId: code,
        outletCode: code,
        outletName: `媒体${code}`,
        level: pick(LEVELS),
        channel: pick(CHANNELS),
        medium: r() < 0.2 ? null : pick(MEDIA),
        prominence: pick(PROMINENCES),
        publishedDate: dateIn(pick(o.quarters)),
      });
    }
    if (r() < 0.1) instructions.push({ id: `${id}i`, articleId: id, leaderTitle: '书记', level: pick(LEVELS), date: dateIn(pick(o.quarters)) });
  }
  const commissions: ScoringCommission[] = [];
  for (let i = 0; i < Math.max(2, Math.ceil(o.units / 10)); i++) {
    const deadline = dateIn(pick(o.quarters));
    const targets = units.filter(() => r() < 0.4).map((u) => {
      const x = r();
      return { unitId: u.id, answeredArticleSubmittedDate: x < 0.4 ? deadline.replace(/\d\d$/, '01') : x < 0.7 ? deadline.replace(/-\d\d-\d\d$/, '-12-31') : null };
    });
    commissions.push({ id: `k${i}`, topic: `主题${i}`, deadline, targets });
  }
  const monthlyReports: ScoringMonthlyReport[] = [];
  for (const u of units) {
    for (const q of o.quarters) {
      const [y, n] = q.split('-Q').map(Number);
      for (let m = (n - 1) * 3 + 1; m <= n * 3; m++) {
        const x = r();
        if (x < 0.2) continue;
        const next = m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
        monthlyReports.push({ unitId: u.id, month: `${y}-${pad(m)}`, filedDate: `${next}-${pad(x < 0.7 ? 3 : 12)}` });
      }
    }
  }
  return { units, articles, placements, instructions, commissions, monthlyReports, asOfDate: o.asOfDate };
}
