import type { NoticeAdoption, NoticeData, NoticeLevel, NoticeUnitRow } from '../notice-data';

/**
 * A hand-built quarter of the demo district, small enough to check every cell by hand:
 * 镇街组 with a tie for second place and a unit with no adoption, 部门组 with only two units
 * that scored, a late and a missing 约稿, a joint article, an excluded entry.
 */

type RowInput = Omit<NoticeUnitRow, 'unitId' | 'groupName' | 'instructions' | 'monthlyLate' | 'monthlyMissing' | 'commissionsDone' | 'commissionsDue'> &
  Partial<Pick<NoticeUnitRow, 'instructions' | 'monthlyLate' | 'monthlyMissing' | 'commissionsDone' | 'commissionsDue'>>;

let nextId = 1;
const unit = (groupName: string, r: RowInput): NoticeUnitRow => ({
  unitId: nextId++,
  groupName,
  instructions: 0,
  monthlyLate: 0,
  monthlyMissing: 0,
  commissionsDone: 0,
  commissionsDue: 0,
  ...r,
});

const TOWN = '镇街组';
const DEPT = '部门组';

function townRows(): NoticeUnitRow[] {
  return [
    unit(TOWN, { unitCode: 'LJJD', unitName: '临江街道', total: 725000, groupRank: 1, overallRank: 1, articlesSubmitted: 12, central: 1, provincial: 1, municipal: 2, district: 1, instructions: 1, commissionsDone: 1, commissionsDue: 1, lastYearTotal: 597800 }),
    unit(TOWN, { unitCode: 'FLJD', unitName: '枫林街道', total: 480000, groupRank: 2, overallRank: 3, articlesSubmitted: 8, central: 0, provincial: 0, municipal: 1, district: 1, commissionsDone: 1, commissionsDue: 1, lastYearTotal: null }),
    unit(TOWN, { unitCode: 'QSZ', unitName: '青石镇', total: 480000, groupRank: 2, overallRank: 3, articlesSubmitted: 9, central: 0, provincial: 1, municipal: 1, district: 1, commissionsDue: 1, monthlyLate: 1, lastYearTotal: 500000 }),
    unit(TOWN, { unitCode: 'BSZ', unitName: '白沙镇', total: 312500, groupRank: 4, overallRank: 5, articlesSubmitted: 5, central: 0, provincial: 0, municipal: 0, district: 1, lastYearTotal: 312500 }),
    unit(TOWN, { unitCode: 'HXZ', unitName: '禾西镇', total: 0, groupRank: 5, overallRank: 7, articlesSubmitted: 3, central: 0, provincial: 0, municipal: 0, district: 0, monthlyMissing: 1, lastYearTotal: 50000 }),
  ];
}

function deptRows(): NoticeUnitRow[] {
  return [
    unit(DEPT, { unitCode: 'QRSJ', unitName: '区人社局党委', total: 615000, groupRank: 1, overallRank: 2, articlesSubmitted: 7, central: 0, provincial: 1, municipal: 0, district: 0, instructions: 1, commissionsDone: 1, commissionsDue: 1, lastYearTotal: 400000 }),
    unit(DEPT, { unitCode: 'QJYJ', unitName: '区教育局党委', total: 200000, groupRank: 2, overallRank: 6, articlesSubmitted: 4, central: 0, provincial: 0, municipal: 0, district: 1, commissionsDue: 1, lastYearTotal: 250000 }),
    unit(DEPT, { unitCode: 'QWLJ', unitName: '区文旅局党委', total: 0, groupRank: 3, overallRank: 7, articlesSubmitted: 2, central: 0, provincial: 0, municipal: 0, district: 0, lastYearTotal: null }),
  ];
}

const adoption = (a: Partial<NoticeAdoption> & Pick<NoticeAdoption, 'level' | 'outletName' | 'publishedDate' | 'unitNames' | 'title'>): NoticeAdoption => ({
  page: null,
  headline: false,
  instruction: false,
  commission: false,
  ...a,
});

// Deliberately not in display order: the renderers group and sort them.
function adoptions(): NoticeAdoption[] {
  return [
    adoption({ level: 'district', outletName: '示例区融媒体中心', publishedDate: '2023-06-28', unitNames: ['区教育局党委'], title: '区教育局开展“师德师风”主题党日', headline: true }),
    adoption({ level: 'municipal', outletName: '示例市日报', publishedDate: '2023-06-20', unitNames: ['枫林街道'], title: '枫林街道推行“说事评事”议事规则', page: '第4版', commission: true }),
    adoption({ level: 'provincial', outletName: '示例日报', publishedDate: '2023-05-16', unitNames: ['区人社局党委'], title: '“三个一”机制激活人才引育新动能', page: '第1版', headline: true, instruction: true }),
    adoption({ level: 'central', outletName: '人民日报', publishedDate: '2023-05-08', unitNames: ['临江街道'], title: '临江街道：小网格撬动基层大治理', page: '第11版' }),
    adoption({ level: 'district', outletName: '《示例区组工信息》', publishedDate: '2023-06-15', unitNames: ['白沙镇'], title: '白沙镇举办基层干部培训班', page: '第12期' }),
    adoption({ level: 'provincial', outletName: '《示例组工》', publishedDate: '2023-06-12', unitNames: ['青石镇'], title: '青石镇党员“先锋指数”管理见实效', commission: true }),
    adoption({ level: 'municipal', outletName: '示例市日报', publishedDate: '2023-04-11', unitNames: ['临江街道', '青石镇'], title: '两地联建“共富工坊”带动村民增收', page: '第2版' }),
    adoption({ level: 'district', outletName: '示例区融媒体中心', publishedDate: '2023-04-03', unitNames: ['临江街道'], title: '临江街道开展“党员进网格”活动' }),
    adoption({ level: 'provincial', outletName: '示例日报', publishedDate: '2023-04-20', unitNames: ['临江街道'], title: '临江街道“夜间议事厅”议出民生实事', page: '第3版' }),
    adoption({ level: 'municipal', outletName: '《示例市组工信息》', publishedDate: '2023-05-25', unitNames: ['临江街道'], title: '临江街道“红色网格”打通服务群众最后一米', page: '第15期', instruction: true }),
    adoption({ level: 'district', outletName: '《示例区组工信息》', publishedDate: '2023-04-28', unitNames: ['枫林街道'], title: '枫林街道“红管家”服务小区治理', page: '第8期', commission: true }),
    adoption({ level: 'district', outletName: '示例区融媒体中心', publishedDate: '2023-05-09', unitNames: ['青石镇'], title: '青石镇召开农村党建工作推进会' }),
  ];
}

/**
 * The fixture's adoptions in notice order, worked out by hand: by level, then outlet (《…》
 * bulletins sort before plain names), then date. This is the order the builder streams them
 * to the spreadsheet in.
 */
export function adoptionsInNoticeOrder(): NoticeAdoption[] {
  const list = adoptions();
  return [3, 5, 8, 2, 9, 6, 1, 10, 4, 7, 11, 0].map((i) => list[i]);
}

const byOverall = (rows: NoticeUnitRow[]) => [...rows].sort((a, b) => a.overallRank - b.overallRank || (a.unitCode < b.unitCode ? -1 : 1));

/** The first publication of 2023-Q2 (revision 1). */
export function noticeFixture(): NoticeData {
  const town = townRows();
  const dept = deptRows();
  return {
    office: { name: '中共示例区委组织部办公室', regionName: '示例区' },
    quarter: '2023-Q2',
    revision: 1,
    kind: 'notice',
    texts: { docNumber: '示组办〔2023〕12号', issuedDate: '2023-07-10', copyTo: '区委办公室' },
    summary: {
      articlesSubmitted: 50,
      placements: 12,
      byLevel: { central: 1, provincial: 3, municipal: 3, district: 5 },
      instructions: 2,
      previousQuarterPlacements: 11,
      lastYearPlacements: 10,
      excluded: [{ type: 'article', id: 901, title: '青石镇开展“清廉村居”建设', unitName: '青石镇党委' }],
    },
    highlights: [
      { unitName: '临江街道', title: '临江街道：小网格撬动基层大治理', outletName: '人民日报', level: 'central' },
      { unitName: '临江街道', title: '临江街道“夜间议事厅”议出民生实事', outletName: '示例日报', level: 'provincial' },
      { unitName: '区人社局党委', title: '“三个一”机制激活人才引育新动能', outletName: '示例日报', level: 'provincial' },
      { unitName: '青石镇', title: '青石镇党员“先锋指数”管理见实效', outletName: '《示例组工》', level: 'provincial', channel: 'bulletin' },
    ],
    instructions: [
      { unitNames: ['区人社局党委'], title: '“三个一”机制激活人才引育新动能', leaderTitle: '省委常委、组织部长', level: 'provincial', date: '2023-05-18' },
      { unitNames: ['临江街道'], title: '临江街道“红色网格”打通服务群众最后一米', leaderTitle: '市委副书记', level: 'municipal', date: '2023-06-02' },
    ],
    commissions: [
      { topic: '基层治理创新经验', deadline: '2023-05-31', targets: 3, onTime: 2, late: 1, missing: 0, lateOrMissingUnits: ['青石镇'] },
      { topic: '人才工作典型案例', deadline: '2023-06-20', targets: 2, onTime: 1, late: 0, missing: 1, lateOrMissingUnits: ['区教育局党委'] },
    ],
    groups: [
      { groupName: TOWN, rows: town },
      { groupName: DEPT, rows: dept },
    ],
    overall: byOverall([...town, ...dept]),
    adoptions: adoptions(),
  };
}

/**
 * Revision 2: a placement of 青石镇 was recorded late, so it is alone in second place and
 * 枫林街道 drops to third; the correction carries the corrected ranking only.
 */
export function correctionFixture(): NoticeData {
  const base = noticeFixture();
  const retotal = (r: NoticeUnitRow): NoticeUnitRow => {
    if (r.unitCode === 'QSZ') return { ...r, total: 505000, municipal: 2, groupRank: 2, overallRank: 3 };
    if (r.unitCode === 'FLJD') return { ...r, groupRank: 3, overallRank: 4 };
    return r;
  };
  const town = base.groups[0].rows.map(retotal);
  const dept = base.groups[1].rows;
  return {
    ...base,
    revision: 2,
    kind: 'correction',
    texts: { docNumber: '示组办〔2023〕15号', issuedDate: '2023-07-20', copyTo: '区委办公室' },
    previous: { docNumber: '示组办〔2023〕12号', issuedDate: '2023-07-10' },
    groups: [
      { groupName: TOWN, rows: [town[0], town[2], town[1], town[3], town[4]] },
      { groupName: DEPT, rows: dept },
    ],
    overall: byOverall([...town, ...dept]),
    corrections: [
      { unitName: '青石镇', groupName: TOWN, oldTotal: 480000, newTotal: 505000, oldRank: 2, newRank: 2, reason: '补录6月《示例市日报》录用稿件1篇。' },
      { unitName: '枫林街道', groupName: TOWN, oldTotal: 480000, newTotal: 480000, oldRank: 2, newRank: 3 },
    ],
  };
}

const LEVEL_CYCLE = ['district', 'municipal', 'district', 'provincial', 'municipal', 'district', 'central', 'district'] as const;

/** A large quarter for scale checks: `units` units in two groups and `count` adoptions. */
export function largeNoticeFixture(units = 60, count = 500): NoticeData {
  const rows: NoticeUnitRow[] = Array.from({ length: units }, (_, i) => {
    const town = i % 2 === 0;
    return {
      unitId: i + 1,
      unitCode: `U${String(i + 1).padStart(3, '0')}`,
      unitName: `${town ? '示例' : '区直'}第${i + 1}单位`,
      groupName: town ? TOWN : DEPT,
      total: (units - i) * 12345,
      groupRank: Math.floor(i / 2) + 1,
      overallRank: i + 1,
      articlesSubmitted: 20 + (i % 7),
      central: i % 11 === 0 ? 1 : 0,
      provincial: i % 3,
      municipal: 2 + (i % 4),
      district: 5 + (i % 5),
      instructions: i % 9 === 0 ? 1 : 0,
      commissionsDone: i % 4 === 0 ? 1 : 2,
      commissionsDue: 2,
      monthlyLate: i % 10 === 3 ? 1 : 0,
      monthlyMissing: i % 17 === 5 ? 1 : 0,
      lastYearTotal: i % 5 === 0 ? null : (units - i) * 11000,
    };
  });
  const adoptionsList: NoticeAdoption[] = Array.from({ length: count }, (_, i) => ({
    level: LEVEL_CYCLE[i % LEVEL_CYCLE.length],
    outletName: `示例媒体${(i % 13) + 1}`,
    publishedDate: `2023-0${4 + (i % 3)}-${String((i % 28) + 1).padStart(2, '0')}`,
    unitNames: [rows[i % units].unitName],
    title: `第${i + 1}篇：基层党建工作创新实践与经验做法`,
    page: i % 4 === 0 ? null : `第${(i % 8) + 1}版`,
    headline: i % 37 === 0,
    instruction: i % 41 === 0,
    commission: i % 23 === 0,
  }));
  const base = noticeFixture();
  return {
    ...base,
    highlights: [],
    instructions: [],
    groups: [
      { groupName: TOWN, rows: rows.filter((r) => r.groupName === TOWN) },
      { groupName: DEPT, rows: rows.filter((r) => r.groupName === DEPT) },
    ],
    overall: rows,
    adoptions: adoptionsList,
  };
}

/** Adoptions per level of bulkNoticeFixture: 1,760 in all, central and provincial (160) fit within 300. */
export const BULK_COUNTS: Record<NoticeLevel, number> = { central: 40, provincial: 120, municipal: 400, district: 1200 };
const BULK_OUTLETS: Record<NoticeLevel, [string, string]> = {
  central: ['《组工通讯》', '人民日报'],
  provincial: ['《示例组工》', '示例日报'],
  municipal: ['《示例市组工信息》', '示例市日报'],
  district: ['《示例区组工信息》', '示例区融媒体中心'],
};

/**
 * A quarter larger than the DOCX lists (BULK_COUNTS): `full` is every adoption, generated
 * level by level, outlet by outlet and day by day, so it is in notice order by construction;
 * `data` is what the builder hands the renderers: the adoptions of the levels that fit (central
 * and provincial, deliberately shuffled) and the counts of the levels left out.
 */
export function bulkNoticeFixture(): { data: NoticeData; full: NoticeAdoption[] } {
  const full: NoticeAdoption[] = [];
  const units = ['临江街道', '青石镇', '枫林街道', '区人社局党委'];
  for (const level of ['central', 'provincial', 'municipal', 'district'] as NoticeLevel[]) {
    const n = BULK_COUNTS[level];
    for (let k = 0; k < n; k++) {
      const second = k >= n / 2;
      const day = Math.floor(((second ? k - n / 2 : k) * 90) / (n / 2)); // 0…89 within each outlet
      const date = new Date(Date.UTC(2023, 3, 1 + day)).toISOString().slice(0, 10);
      full.push({
        level,
        outletName: BULK_OUTLETS[level][second ? 1 : 0],
        publishedDate: date,
        unitNames: [units[k % units.length]],
        title: `${level}-${String(k).padStart(4, '0')} 基层党建工作经验`,
        page: k % 3 === 0 ? null : `第${(k % 8) + 1}版`,
        headline: k % 37 === 0,
        instruction: k % 41 === 0,
        commission: k % 23 === 0,
      });
    }
  }
  const listed = full.filter((a) => a.level === 'central' || a.level === 'provincial');
  // a fixed shuffle: the renderers sort what they list
  const shuffled = listed.map((a, i) => [(i * 7919) % listed.length, a] as const).sort((x, y) => x[0] - y[0]).map(([, a]) => a);
  const data: NoticeData = {
    ...noticeFixture(),
    adoptions: shuffled,
    adoptionsOmitted: [
      { level: 'municipal', count: BULK_COUNTS.municipal },
      { level: 'district', count: BULK_COUNTS.district },
    ],
  };
  return { data, full };
}
