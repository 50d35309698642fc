// The synthetic office the bench measures: a seeded, reproducible generator (the same size and
// seed give the same rows on every machine and backend). Pure: no database, no Nest. The rows
// follow what the background reports describe: units in ranking groups, a few productive units
// and a long tail, many district-level adoptions and few central ones, joint articles with and
// without declared shares, a few leader instructions, 约稿 with on-time, late and missing
// answers, and monthly reports mostly on time. All records fall in YEAR; every entry of the
// first three quarters is settled (verified, rejected or a draft), and only the last quarter
// holds entries still under review, as in an office a few weeks after a quarter's end.
import type { EntryStatus, Level, Prominence } from '@app/contracts';

export const SIZES = {
  district: { units: 60, placements: 20_000, groups: 2 },
  city: { units: 600, placements: 200_000, groups: 10 },
  province: { units: 2_000, placements: 1_000_000, groups: 20 },
} as const;
export type SizeName = keyof typeof SIZES;

export const YEAR = 2025;
export const QUARTERS = [1, 2, 3, 4].map((q) => `${YEAR}-Q${q}`);
/** The quarter the publication case publishes: settled, a quarter of the placements. */
export const PUBLISH_QUARTER = `${YEAR}-Q3`;
/** The quarter still under review: the queues and the close-with-exclusions probe use it. */
export const OPEN_QUARTER = `${YEAR}-Q4`;

export interface GenOutlet { id: number; code: string; name: string; level: Level; channel: 'media' | 'bulletin'; medium: string }
export interface GenUnit { id: number; code: string; name: string; groupId: number; groupName: string }
export interface GenGroup { id: number; code: string; name: string; sortOrder: number }
export interface GenArticle {
  id: number; ownerUnitId: number; title: string; submittedDate: string; status: EntryStatus; wordCount: number; genre: string;
  units: { unitId: number; shareBp: number | null }[];
}
export interface GenPlacement { id: number; articleId: number; outletId: number; publishedDate: string; prominence: Prominence; status: EntryStatus }
export interface GenInstruction { id: number; articleId: number; level: Level; instructedDate: string; leaderTitle: string }
export interface GenCommission { id: number; topic: string; issuedDate: string; deadline: string; targets: { unitId: number; articleId: number | null }[] }
export interface GenMonthlyReport { unitId: number; month: string; filedDate: string }

export interface Dataset {
  size: SizeName;
  seed: number;
  groups: GenGroup[];
  units: GenUnit[];
  articles: GenArticle[];
  placements: GenPlacement[];
  instructions: GenInstruction[];
  commissions: GenCommission[];
  monthlyReports: GenMonthlyReport[];
}

/** mulberry32: small, fast and the same everywhere. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks a key by weight. */
function weighted<T>(random: () => number, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [v, w] of table) if ((r -= w) < 0) return v;
  return table[table.length - 1][0];
}

const DAY = 86_400_000;
const dayNo = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
const dateOf = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
const YEAR_START = dayNo(`${YEAR}-01-01`);
const YEAR_END = dayNo(`${YEAR}-12-31`);
const OPEN_START = dayNo(`${YEAR}-10-01`);

const LEVEL_WEIGHTS = [['district', 50], ['municipal', 30], ['provincial', 14], ['central', 6]] as const;
const PROMINENCE_WEIGHTS = [['normal', 80], ['front', 15], ['headline', 5]] as const;
const PLACEMENTS_PER_ARTICLE = [[1, 65], [2, 25], [3, 7], [4, 3]] as const;
const SETTLED_STATUS = [['verified', 96], ['draft', 2], ['rejected', 2]] as const;
const OPEN_STATUS = [['verified', 78], ['unit-approved', 9], ['submitted', 7], ['draft', 3], ['returned', 2], ['rejected', 1]] as const;
const OPEN_VERIFIED_PLACEMENT = [['verified', 88], ['unit-approved', 7], ['submitted', 5]] as const;
const SHARES: Record<number, number[][]> = { 2: [[6000, 4000], [5000, 5000], [7000, 3000]], 3: [[4000, 3000, 3000], [5000, 2500, 2500]] };
const GENRES = ['消息', '通讯', '经验交流', '言论', '图片'];
const TOPICS = ['基层党建', '组织振兴', '人才工作', '干部教育', '党员管理', '城市基层治理', '乡村振兴', '作风建设', '网格化服务', '党群服务中心', '年轻干部培养', '红色物业', '两新组织党建', '清廉建设', '驻村帮扶'];
const ACTIONS = ['探索', '推行', '深化', '创新', '做实', '打造', '聚力', '织密', '激活', '夯实', '健全', '开展'];
const OBJECTS = ['“一网统管”新模式', '“红色管家”', '书记项目', '党员先锋岗', '“四下基层”', '议事协商机制', '积分制管理', '“小院议事”', '人才驿站', '共建联盟', '“暖心驿站”', '“周末课堂”'];
const ENDINGS = ['新举措', '见实效', '经验做法', '纪实', '有声有色', '走深走实', '按下快进键', '答好民生卷'];
const PLACES = ['街道', '镇', '社区', '村', '园区', '部门'];
const LEADERS: Record<Level, string> = { central: '中央领导同志', provincial: '省委常委、组织部部长', municipal: '市委常委、组织部部长', district: '区委书记' };

/** Characters that headlines are made of; a random run of them keeps unrelated titles unlike each other. */
const WORDS = '党建引领基层治理服务群众干部人才乡村振兴社区网格组织党员先锋示范创新机制平台实效品牌阵地队伍作风廉洁产业发展民生议事协商共建联盟书记项目志愿红色物业驿站课堂楼宇园区企业青年培训教育管理监督考核激励帮扶驻村合作集体经济数字赋能'.split('');

/**
 * A headline in the style of the reports: the unit, what it did, and a flourish, with a random
 * middle so that titles read alike only as often as real ones do (the import's duplicate check
 * compares them); numbered so that no two are equal.
 */
export function title(unitName: string, int: (lo: number, hi: number) => number, n: number | string): string {
  const pick = (list: string[]) => list[int(0, list.length - 1)];
  let middle = '';
  for (let i = int(4, 8); i > 0; i--) middle += pick(WORDS);
  const shape = int(0, 2);
  const unit = unitName.replace(/党(工)?委|党组$/, '');
  if (shape === 0) return `${unit}${pick(ACTIONS)}${middle}${pick(ENDINGS)}（${n}）`;
  if (shape === 1) return `${pick(ACTIONS)}${pick(OBJECTS)}：${unit}${middle}${pick(TOPICS)}（${n}）`;
  return `${pick(TOPICS)}${middle}——${unit}${pick(ACTIONS)}${pick(OBJECTS)}（${n}）`;
}

/** The unit and group rows beyond those already in the office (the demo's 20 units and 2 groups). */
export function planUnits(size: SizeName, existingGroups: GenGroup[], existingUnits: GenUnit[], seed: number): { groups: GenGroup[]; units: GenUnit[] } {
  const spec = SIZES[size];
  const random = rng(seed ^ 0x5eed);
  const groups = [...existingGroups];
  let nextGroupId = Math.max(0, ...groups.map((g) => g.id)) + 1;
  for (let i = groups.length; i < spec.groups; i++) {
    groups.push({ id: nextGroupId++, code: `G${String(i + 1).padStart(2, '0')}`, name: `第${i + 1}组`, sortOrder: i + 1 });
  }
  const units = [...existingUnits];
  let nextUnitId = Math.max(0, ...units.map((u) => u.id)) + 1;
  for (let i = units.length; i < spec.units; i++) {
    const g = groups[Math.floor(random() * groups.length)];
    units.push({ id: nextUnitId++, code: `B${String(i + 1).padStart(4, '0')}`, name: `基准单位${i + 1}${PLACES[i % PLACES.length]}党委`, groupId: g.id, groupName: g.name });
  }
  return { groups, units };
}

/**
 * Generates the records of one office for YEAR. `outlets` are the office's catalogue (ids as
 * stored); ids of generated records start at 1 (the bench office starts with no records).
 */
export function generate(size: SizeName, seed: number, groups: GenGroup[], units: GenUnit[], outlets: GenOutlet[], placementCount: number = SIZES[size].placements): Dataset {
  const random = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  // A long tail: unit k is picked with weight 1/(k+1)^0.8, in a shuffled order.
  const order = units.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const unitWeights = order.map((idx, k) => [idx, 1 / (k + 1) ** 0.8] as const);
  const cumulative: number[] = [];
  unitWeights.reduce((s, [, w], i) => (cumulative[i] = s + w), 0);
  const totalWeight = cumulative[cumulative.length - 1];
  const pickUnit = () => {
    const r = random() * totalWeight;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return units[unitWeights[lo][0]];
  };
  const byLevel = new Map<Level, GenOutlet[]>();
  for (const o of outlets) byLevel.set(o.level, [...(byLevel.get(o.level) ?? []), o]);
  const pickOutlet = () => {
    const list = byLevel.get(weighted(random, LEVEL_WEIGHTS))!;
    return list[Math.floor(random() * list.length)];
  };

  const articles: GenArticle[] = [];
  const placements: GenPlacement[] = [];
  const instructions: GenInstruction[] = [];
  const articlesByUnit = new Map<number, number[]>();
  while (placements.length < placementCount) {
    const id = articles.length + 1;
    const owner = pickUnit();
    const day = int(YEAR_START, YEAR_END - 10);
    const submittedDate = dateOf(day);
    const open = day >= OPEN_START;
    const status = weighted(random, open ? OPEN_STATUS : SETTLED_STATUS);
    const joint = random();
    const n = joint < 0.85 ? 1 : joint < 0.97 ? 2 : 3;
    const unitIds = [owner.id];
    while (unitIds.length < n) {
      const other = pickUnit().id;
      if (!unitIds.includes(other)) unitIds.push(other);
    }
    const shares = n > 1 && random() < 0.5 ? SHARES[n][int(0, SHARES[n].length - 1)] : null;
    articles.push({
      id, ownerUnitId: owner.id, status, submittedDate, wordCount: int(400, 4000), genre: GENRES[int(0, GENRES.length - 1)],
      title: title(owner.name, int, id),
      units: unitIds.map((unitId, i) => ({ unitId, shareBp: shares ? shares[i] : null })),
    });
    const list = articlesByUnit.get(owner.id) ?? [];
    list.push(id);
    articlesByUnit.set(owner.id, list);
    // Some articles are never adopted; the others have one placement or a few.
    if (random() < 0.08) continue;
    const count = Math.min(weighted(random, PLACEMENTS_PER_ARTICLE), placementCount - placements.length);
    const seen = new Set<string>();
    let firstDay = Infinity;
    for (let k = 0; k < count; k++) {
      const outlet = pickOutlet();
      const pday = Math.min(YEAR_END, day + int(0, 30));
      const key = `${outlet.id}|${pday}`;
      if (seen.has(key)) continue;
      seen.add(key);
      firstDay = Math.min(firstDay, pday);
      const pstatus = status === 'verified' && pday >= OPEN_START ? weighted(random, OPEN_VERIFIED_PLACEMENT) : status;
      placements.push({ id: placements.length + 1, articleId: id, outletId: outlet.id, publishedDate: dateOf(pday), prominence: weighted(random, PROMINENCE_WEIGHTS), status: pstatus });
    }
    if (status === 'verified' && firstDay < Infinity && random() < 0.015) {
      const level = weighted(random, [['district', 40], ['municipal', 30], ['provincial', 20], ['central', 10]] as const);
      instructions.push({ id: instructions.length + 1, articleId: id, level, instructedDate: dateOf(Math.min(YEAR_END, firstDay + int(0, 20))), leaderTitle: LEADERS[level] });
    }
  }

  // 约稿: three a month to a tenth of the units; most answered, some late, some never.
  const commissions: GenCommission[] = [];
  for (let month = 0; month < 12; month++) {
    for (let k = 0; k < 3; k++) {
      const issued = dayNo(`${YEAR}-${String(month + 1).padStart(2, '0')}-01`) + int(0, 20);
      const deadline = Math.min(YEAR_END, issued + 14);
      const targets = new Set<number>();
      const want = Math.max(3, Math.round(units.length / 10));
      while (targets.size < want) targets.add(pickUnit().id);
      commissions.push({
        id: commissions.length + 1, topic: `${TOPICS[int(0, TOPICS.length - 1)]}专题约稿（${commissions.length + 1}）`, issuedDate: dateOf(issued), deadline: dateOf(deadline),
        targets: [...targets].map((unitId) => {
          const own = articlesByUnit.get(unitId) ?? [];
          return { unitId, articleId: own.length && random() < 0.75 ? own[int(0, own.length - 1)] : null };
        }),
      });
    }
  }

  // Monthly reports: 85% by the 5th of the next month, 10% late, 5% never filed.
  const monthlyReports: GenMonthlyReport[] = [];
  for (const u of units) {
    for (let month = 1; month <= 12; month++) {
      const r = random();
      if (r >= 0.95) continue;
      const next = month === 12 ? `${YEAR + 1}-01` : `${YEAR}-${String(month + 1).padStart(2, '0')}`;
      monthlyReports.push({ unitId: u.id, month: `${YEAR}-${String(month).padStart(2, '0')}`, filedDate: `${next}-${String(r < 0.85 ? int(1, 5) : int(6, 20)).padStart(2, '0')}` });
    }
  }
  return { size, seed, groups, units, articles, placements, instructions, commissions, monthlyReports };
}

// ---------------------------------------------------------------------------------------
// the roll-up: a province office ranking its district offices (issue #15)

/** Units per district office in the roll-up: a size's units make `units / 20` districts (province: 100). */
export const UNITS_PER_DISTRICT = 20;
/** Ranking groups of the roll-up office (片区), the districts dealt round them. */
export const ROLLUP_GROUPS = 5;

export interface RollupDistrict {
  /** 0-based; the office's code and names carry index + 1. */
  index: number;
  code: string;
  name: string;
  regionName: string;
  issuingAuthority: string;
  docNumberPrefix: string;
  /** The province's ranking group the district's unit is in (0-based). */
  provinceGroup: number;
  /** Placements generated for the district: a share of the size's total. */
  placements: number;
}

/**
 * The districts of the roll-up at `size`: the size's units in offices of UNITS_PER_DISTRICT,
 * the size's placements spread over them with a tail (district k gets a share ∝ 1/(k+1)^0.5:
 * at province size the largest holds ~54,000 placements and the smallest ~5,400).
 */
export function planRollup(size: SizeName): RollupDistrict[] {
  const spec = SIZES[size];
  const n = Math.max(1, Math.round(spec.units / UNITS_PER_DISTRICT));
  const weights = Array.from({ length: n }, (_, k) => 1 / Math.sqrt(k + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((spec.placements * w) / total));
  counts[0] += spec.placements - counts.reduce((a, b) => a + b, 0);
  return counts.map((placements, index) => {
    const no = index + 1;
    return {
      index, placements, code: `BD${String(no).padStart(3, '0')}`, name: `中共基准${no}区委组织部办公室`, regionName: `基准${no}区`,
      issuingAuthority: `中共基准${no}区委组织部`, docNumberPrefix: `基${no}组办`, provinceGroup: index % ROLLUP_GROUPS,
    };
  });
}

/** The units of one district: UNITS_PER_DISTRICT in the district's one group, ids from `firstUnitId`. */
export function districtUnits(d: RollupDistrict, group: GenGroup, firstUnitId: number): GenUnit[] {
  return Array.from({ length: UNITS_PER_DISTRICT }, (_, i) => ({
    id: firstUnitId + i, code: `U${String(i + 1).padStart(3, '0')}`, name: `基准${d.index + 1}区单位${i + 1}${PLACES[i % PLACES.length]}党委`, groupId: group.id, groupName: group.name,
  }));
}

/**
 * A district's records: the generator's office of `d.placements` placements (seeded per district),
 * its record ids moved past those of the districts before it (`base`: ids already used).
 */
export function generateDistrict(size: SizeName, seed: number, d: RollupDistrict, group: GenGroup, units: GenUnit[], outlets: GenOutlet[], base: { articles: number; placements: number; instructions: number; commissions: number }): Dataset {
  const data = generate(size, seed + 7919 * (d.index + 1), [group], units, outlets, d.placements);
  for (const a of data.articles) a.id += base.articles;
  for (const p of data.placements) {
    p.id += base.placements;
    p.articleId += base.articles;
  }
  for (const i of data.instructions) {
    i.id += base.instructions;
    i.articleId += base.articles;
  }
  for (const c of data.commissions) {
    c.id += base.commissions;
    for (const t of c.targets) if (t.articleId !== null) t.articleId += base.articles;
  }
  return data;
}
