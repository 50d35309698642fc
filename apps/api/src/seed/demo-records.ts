import { nextQuarter, prevQuarter, quarterOf, quarterRange } from '@app/scoring';
import type { Level, Prominence } from '@app/contracts';
import { quarterLabel } from '@app/contracts';

/** A small deterministic RNG (mulberry32) so every demo install tells the same story. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

const TOPICS = ['“红色物业”激活小区治理', '“党员进网格”服务群众', '年轻干部“墩苗”计划', '“家门口”就业服务站', '基层党组织标准化建设', '“两新”组织党建全覆盖',
  '村（社区）“两委”履职能力提升', '人才驿站赋能产业发展', '“一线工作法”解民忧', '党建引领乡村振兴', '干部作风建设年活动', '“书记项目”攻坚克难',
  '流动党员“云管理”', '志愿服务“微心愿”', '退役军人党员“再出发”', '老旧小区改造“党建+”', '“四下基层”常态化', '驻村第一书记帮扶成效'];
const FORMS = ['{unit}：以{topic}', '{unit}探索{topic}新路径', '{unit}扎实推进{topic}', '{unit}{topic}见实效', '{unit}创新开展{topic}'];
const LEADERS: { title: string; level: Level }[] = [
  { title: '省委常委、组织部长', level: 'provincial' },
  { title: '市委书记', level: 'municipal' },
  { title: '市委常委、组织部长', level: 'municipal' },
  { title: '区委书记', level: 'district' },
];

export interface DemoUnit { id: number; code: string; name: string }
export interface DemoOutlet { id: number; level: Level }

export interface DemoArticle {
  key: string;
  title: string;
  submittedDate: string;
  units: number[];
  status: 'verified' | 'submitted' | 'unit-approved' | 'draft';
  placements: { outletId: number; publishedDate: string; prominence: Prominence; page: string | null }[];
  instruction: { leaderTitle: string; level: Level; date: string } | null;
}

export interface DemoCommission { topic: string; issuedDate: string; deadline: string; targets: { unitId: number; articleKey: string | null }[] }
export interface DemoMonthlyReport { unitId: number; month: string; filedDate: string }

export interface DemoRecords {
  quarters: string[];
  /** past quarters, to be closed and published */
  published: string[];
  articles: DemoArticle[];
  commissions: DemoCommission[];
  reports: DemoMonthlyReport[];
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const minDate = (a: string, b: string) => (a < b ? a : b);

/**
 * A realistic year for the demo district: the four quarters before today's are complete
 * (published at seed time through the real jobs), today's quarter is under way with entries
 * waiting for review. Skewed like real work: many district adoptions, few central ones.
 */
export function generateDemoRecords(units: DemoUnit[], outlets: DemoOutlet[], today: string, dueDay: number, random = rng(20231)): DemoRecords {
  const current = quarterOf(today);
  const published = [prevQuarter(prevQuarter(prevQuarter(prevQuarter(current))))];
  while (published.length < 4) published.push(nextQuarter(published[published.length - 1]));
  const quarters = [...published, current];
  const byLevel = (level: Level) => outlets.filter((o) => o.level === level);
  const levelOf = () => {
    const x = random.next();
    return x < 0.05 ? 'central' : x < 0.2 ? 'provincial' : x < 0.5 ? 'municipal' : 'district';
  };
  // Some units are much more active than others, as in any district.
  const activity = new Map(units.map((u) => [u.id, 0.3 + random.next() * 1.4]));
  const articles: DemoArticle[] = [];
  const commissions: DemoCommission[] = [];
  const reports: DemoMonthlyReport[] = [];
  for (const quarter of quarters) {
    const { start, end } = quarterRange(quarter);
    const last = minDate(end, today);
    const span = Math.max(1, (Date.parse(last) - Date.parse(start)) / 86_400_000);
    const isCurrent = quarter === current;
    for (const unit of units) {
      const count = Math.round(random.int(2, 5) * activity.get(unit.id)!);
      for (let i = 0; i < count; i++) {
        const submittedDate = addDays(start, random.int(0, Math.floor(span) - 1));
        const joint = random.chance(0.15) ? random.pick(units.filter((u) => u.id !== unit.id)) : null;
        const placements: DemoArticle['placements'] = [];
        const adoptions = random.chance(0.75) ? random.int(1, 3) : 0;
        for (let p = 0; p < adoptions; p++) {
          const outlet = random.pick(byLevel(levelOf()));
          const publishedDate = minDate(addDays(submittedDate, random.int(1, 20)), last);
          if (placements.some((x) => x.outletId === outlet.id && x.publishedDate === publishedDate)) continue;
          const x = random.next();
          placements.push({ outletId: outlet.id, publishedDate, prominence: x < 0.08 ? 'headline' : x < 0.2 ? 'front' : 'normal', page: random.chance(0.6) ? `第${random.int(1, 8)}版` : null });
        }
        const leader = placements.length && random.chance(0.04) ? random.pick(LEADERS) : null;
        const status = !isCurrent ? 'verified' : random.chance(0.55) ? 'verified' : random.pick(['submitted', 'unit-approved', 'draft'] as const);
        articles.push({
          key: `demo-${articles.length + 1}`,
          title: random.pick(FORMS).replace('{unit}', unit.name.replace(/党(工)?委|党组$/, '')).replace('{topic}', random.pick(TOPICS)),
          submittedDate,
          units: joint ? [unit.id, joint.id] : [unit.id],
          status,
          placements,
          instruction: leader ? { leaderTitle: leader.title, level: leader.level, date: minDate(addDays(placements[0].publishedDate, random.int(2, 15)), last) } : null,
        });
      }
    }
    // Two 约稿 a quarter; most targets answer in time, some late, some never.
    for (let c = 0; c < 2; c++) {
      const issuedDate = addDays(start, 10 + c * 35);
      const deadline = addDays(issuedDate, 14);
      if (deadline > today) continue;
      const targets = [...units].sort(() => random.next() - 0.5).slice(0, random.int(3, 5)).map((u) => {
        const x = random.next();
        if (x > 0.85) return { unitId: u.id, articleKey: null };
        const key = `demo-${articles.length + 1}`;
        articles.push({
          key,
          title: `${u.name.replace(/党(工)?委|党组$/, '')}约稿：${random.pick(TOPICS)}`,
          submittedDate: addDays(deadline, x < 0.7 ? -random.int(0, 5) : random.int(1, 6)),
          units: [u.id],
          status: 'verified',
          placements: [],
          instruction: null,
        });
        return { unitId: u.id, articleKey: key };
      });
      commissions.push({ topic: `${quarterLabel(quarter)}约稿：${random.pick(TOPICS)}`, issuedDate, deadline, targets });
    }
    // Monthly reports: most on time, a few late, a few never filed.
    for (const month of [0, 1, 2].map((m) => `${start.slice(0, 5)}${String(Number(start.slice(5, 7)) + m).padStart(2, '0')}`)) {
      const due = `${Number(month.slice(5)) === 12 ? Number(month.slice(0, 4)) + 1 : month.slice(0, 4)}-${String((Number(month.slice(5)) % 12) + 1).padStart(2, '0')}-${String(dueDay).padStart(2, '0')}`;
      if (due > today) continue;
      for (const unit of units) {
        const x = random.next();
        if (x > 0.95) continue;
        reports.push({ unitId: unit.id, month, filedDate: x > 0.85 ? addDays(due, random.int(1, 6)) : addDays(due, -random.int(0, 4)) });
      }
    }
  }
  return { quarters, published, articles: articles.filter((a) => a.submittedDate <= today), commissions, reports };
}
