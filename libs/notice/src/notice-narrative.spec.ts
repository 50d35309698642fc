import type { NoticeData, NoticeUnitRow } from './notice-data';
import {
  commissionsSection,
  correctionSection,
  noticeNarrative,
  noticeRecipients,
  noticeTitle,
  overviewSection,
  rankingSection,
  requirementsSection,
  topThreeText,
  upperSection,
} from './notice-narrative';
import { correctionFixture, noticeFixture } from './testing/notice-fixtures';

const paragraphs = (s: { parts: { paragraphs: string[] }[] }) => s.parts.flatMap((p) => p.paragraphs);

const row = (unitCode: string, groupRank: number, total: number, adopted = 1): NoticeUnitRow => ({
  unitId: 0,
  unitCode,
  unitName: `${unitCode}单位`,
  groupName: '镇街组',
  total,
  groupRank,
  overallRank: groupRank,
  articlesSubmitted: 1,
  central: 0,
  provincial: 0,
  municipal: 0,
  district: adopted,
  instructions: 0,
  commissionsDone: 0,
  commissionsDue: 0,
  monthlyLate: 0,
  monthlyMissing: 0,
  lastYearTotal: null,
});

describe('notice narrative', () => {
  let data: NoticeData;
  beforeEach(() => {
    data = noticeFixture();
  });

  it('titles the notice after the quarter and the region', () => {
    expect(noticeTitle(data)).toBe('关于2023年第二季度全区组织工作信息宣传情况的通报');
    expect(noticeTitle({ ...data, office: { ...data.office, regionName: '示例市' } })).toBe('关于2023年第二季度全市组织工作信息宣传情况的通报');
    expect(noticeTitle(correctionFixture())).toBe('关于2023年第二季度全区组织工作信息宣传情况通报的更正');
    expect(noticeTitle({ ...data, backfill: true })).toBe('关于2023年第二季度全区组织工作信息宣传情况的通报（补录）');
    expect(noticeNarrative(data).titleLines).toEqual(['关于2023年第二季度全区组织工作', '信息宣传情况的通报']);
  });

  it('addresses the units of the region, or whom the office names', () => {
    expect(noticeRecipients(data)).toBe('各街道（镇）党（工）委，区直各部门党委（党组）：');
    expect(noticeRecipients({ ...data, texts: { recipients: '各县（市、区）委组织部：' } })).toBe('各县（市、区）委组织部：');
  });

  it('addresses the offices below when the office ranks them, before its own units when it has both', () => {
    const city = (regionNames: string[], ownUnits: boolean): NoticeData => ({ ...data, office: { name: '中共示例市委组织部办公室', regionName: '示例市', below: { regionNames, ownUnits } } });
    expect(noticeRecipients(city(['甲区', '乙区'], false))).toBe('各区委组织部：');
    expect(noticeRecipients(city(['甲区', '丙县', '丁市'], false))).toBe('各区（县、市）委组织部：');
    expect(noticeRecipients(city(['甲区'], true))).toBe('各区委组织部，各街道（镇）党（工）委，市直各部门党委（党组）：');
    expect(noticeRecipients({ ...city(['甲区'], false), texts: { recipients: '各区县委组织部' } })).toBe('各区县委组织部：');
  });

  it('opens with the default paragraph unless the office wrote one', () => {
    expect(paragraphs(noticeNarrative(data).sections[0])).toEqual([
      '2023年第二季度，各单位认真落实组织工作信息宣传任务，积极报送信息稿件，信息宣传工作取得新成效。根据《示例区组织工作信息宣传计分办法》，现将有关情况通报如下：',
    ]);
    const custom = noticeNarrative({ ...data, texts: { opening: '第一段。\n\n  第二段。 ' } });
    expect(paragraphs(custom.sections[0])).toEqual(['第一段。', '第二段。']);
  });

  it('一、总体情况: totals, levels, 同比 and 环比, 批示, and the excluded entries', () => {
    const s = overviewSection(data);
    expect(s.heading).toBe('一、总体情况');
    expect(paragraphs(s)).toEqual([
      '本季度全区共报送信息稿件50篇，被各级媒体和刊物录用12篇（次），其中中央级1篇、省级3篇、市级3篇、区级5篇，录用总数同比增长20.0%，环比增长9.1%；获领导批示2篇次。',
      '另有1条未核定的记录不计入本次排名，明细见附件3。',
    ]);
  });

  it('一、总体情况 without comparisons, zero levels or instructions', () => {
    const summary = { ...data.summary, placements: 97, byLevel: { central: 0, provincial: 14, municipal: 33, district: 50 }, instructions: 0, lastYearPlacements: 80, previousQuarterPlacements: null, excluded: [] };
    expect(paragraphs(overviewSection({ ...data, summary }))).toEqual([
      '本季度全区共报送信息稿件50篇，被各级媒体和刊物录用97篇（次），其中省级14篇、市级33篇、区级50篇，录用总数同比增长21.3%；本季度未获领导批示。',
    ]);
    const none = { ...summary, lastYearPlacements: null };
    expect(paragraphs(overviewSection({ ...data, summary: none }))[0]).toBe(
      '本季度全区共报送信息稿件50篇，被各级媒体和刊物录用97篇（次），其中省级14篇、市级33篇、区级50篇；本季度未获领导批示。',
    );
  });

  // 同比/环比 only against a base of at least 5 adoptions; the difference or "无录用" otherwise
  it.each([
    [12, 10, 11, '录用总数同比增长20.0%，环比增长9.1%'],
    [12, 1, 11, '录用总数比去年同期增加11篇，环比增长9.1%'], // not +1100.0%
    [12, 10, 0, '录用总数同比增长20.0%，上季度无录用'],
    [12, 0, 0, '录用总数去年同期无录用，上季度无录用'],
    [2, 10, 3, '录用总数同比下降80.0%，比上季度减少1篇'],
    [3, null, 3, '录用总数与上季度持平'],
  ])('一、总体情况: %p adoptions against %p last year and %p last quarter → …%s', (placements, lastYear, previous, words) => {
    const summary = { ...data.summary, placements, lastYearPlacements: lastYear, previousQuarterPlacements: previous, excluded: [] };
    expect(paragraphs(overviewSection({ ...data, summary }))[0]).toBe(
      `本季度全区共报送信息稿件50篇，被各级媒体和刊物录用${placements}篇（次），其中中央级1篇、省级3篇、市级3篇、区级5篇，${words}；获领导批示2篇次。`,
    );
  });

  it('alternates nested quotes in every text the notice quotes', () => {
    data.commissions[0].topic = '“再出发”基层治理';
    data.highlights = [{ ...data.highlights[0], title: '临江街道“小网格“大治理””' }];
    const n = noticeNarrative(data);
    const text = n.sections.flatMap((sec) => sec.parts.flatMap((p) => p.paragraphs)).join('\n');
    expect(text).toContain('其中，“‘再出发’基层治理”约稿（2023年5月31日截止）');
    expect(text).toContain('临江街道《临江街道“小网格‘大治理’”》被人民日报刊发');
    expect(text).not.toMatch(/“[^”‘]*“/); // no “ opened inside another “
  });

  it('五、 names a decline from a small score as the difference, not a percentage', () => {
    const rows = data.overall.map((r) => (r.unitCode === 'HXZ' ? { ...r, total: -20000, lastYearTotal: 120000 } : r));
    const first = paragraphs(requirementsSection({ ...data, overall: rows }))[0];
    expect(first).toContain('禾西镇（-14.00分）'); // -116.7% would read as an error
  });

  it('二、上级采用及领导批示情况 names units, titles, outlets and leaders', () => {
    const s = upperSection(data);
    expect(s.heading).toBe('二、上级采用及领导批示情况');
    expect(s.parts).toEqual([
      {
        subheading: '（一）上级媒体和刊物采用情况',
        paragraphs: [
          '本季度，省级以上媒体和刊物录用稿件4篇次：临江街道《临江街道：小网格撬动基层大治理》被人民日报刊发（中央级）；临江街道《临江街道“夜间议事厅”议出民生实事》被示例日报刊发（省级）；区人社局党委《“三个一”机制激活人才引育新动能》被示例日报刊发（省级）；青石镇《青石镇党员“先锋指数”管理见实效》被《示例组工》采用（省级）。',
        ],
      },
      {
        subheading: '（二）领导批示情况',
        paragraphs: [
          '本季度，稿件获领导批示2篇次：区人社局党委《“三个一”机制激活人才引育新动能》获省委常委、组织部长批示；临江街道《临江街道“红色网格”打通服务群众最后一米》获市委副书记批示。',
        ],
      },
    ]);
    expect(paragraphs(upperSection({ ...data, highlights: [], instructions: [] }))).toEqual(['本季度无稿件被省级以上媒体和刊物录用。', '本季度无稿件获领导批示。']);
  });

  it('二、 quotes at most 30 adoptions and 30 批示 and gives their true totals', () => {
    const highlights = Array.from({ length: 30 }, (_, i) => ({ unitName: `单位${i + 1}`, title: `标题${i + 1}`, outletName: '人民日报', level: 'central' }));
    const instructions = Array.from({ length: 30 }, (_, i) => ({ unitNames: [`单位${i + 1}`], title: `标题${i + 1}`, leaderTitle: '市委书记', level: 'municipal', date: '2023-05-01' }));
    const [adopted, instructed] = paragraphs(upperSection({ ...data, highlights, highlightsTotal: 4321, instructions, instructionsTotal: 31 }));
    const quoted = highlights.map((h) => `${h.unitName}《${h.title}》被人民日报刊发（中央级）`).join('；');
    expect(adopted).toBe(`本季度，省级以上媒体和刊物录用稿件4,321篇次，择要列举如下：${quoted}。其余4,291篇次详见附件2。`);
    const quotedInstructions = instructions.map((i) => `${i.unitNames[0]}《${i.title}》获市委书记批示`).join('；');
    expect(instructed).toBe(`本季度，稿件获领导批示31篇次，择要列举如下：${quotedInstructions}。其余1篇次见附件2中标注★的稿件。`);
  });

  it('二、 reads the same as before when everything is quoted, and caps documents stored before the cap', () => {
    // exactly the limit: all quoted, no 其余
    const highlights = Array.from({ length: 30 }, (_, i) => ({ unitName: `单位${i + 1}`, title: `标题${i + 1}`, outletName: '示例日报', level: 'provincial' }));
    const [exact] = paragraphs(upperSection({ ...data, highlights, highlightsTotal: 30 }));
    expect(exact.startsWith('本季度，省级以上媒体和刊物录用稿件30篇次：单位1《标题1》')).toBe(true);
    expect(exact.endsWith('单位30《标题30》被示例日报刊发（省级）。')).toBe(true);
    // stored JSON from before the cap: every highlight in the list, no total
    const old = Array.from({ length: 35 }, (_, i) => ({ unitName: `单位${i + 1}`, title: `标题${i + 1}`, outletName: '示例日报', level: 'provincial' }));
    const [capped] = paragraphs(upperSection({ ...data, highlights: old }));
    expect(capped.startsWith('本季度，省级以上媒体和刊物录用稿件35篇次，择要列举如下：单位1《标题1》')).toBe(true);
    expect(capped.endsWith('单位30《标题30》被示例日报刊发（省级）。其余5篇次详见附件2。')).toBe(true);
    // the total alone (no quoted item would be odd, but the count still reads right)
    expect(paragraphs(upperSection({ ...data, highlights: [], highlightsTotal: 0, instructions: [], instructionsTotal: 0 }))).toEqual([
      '本季度无稿件被省级以上媒体和刊物录用。',
      '本季度无稿件获领导批示。',
    ]);
  });

  it('一、总体情况 groups the digits of large figures', () => {
    const summary = { ...data.summary, articlesSubmitted: 152340, placements: 125004, byLevel: { central: 7500, provincial: 17500, municipal: 37500, district: 62504 }, instructions: 1520, lastYearPlacements: null, previousQuarterPlacements: null, excluded: [] };
    expect(paragraphs(overviewSection({ ...data, summary }))[0]).toBe(
      '本季度全区共报送信息稿件152,340篇，被各级媒体和刊物录用125,004篇（次），其中中央级7,500篇、省级17,500篇、市级37,500篇、区级62,504篇；获领导批示1,520篇次。',
    );
  });

  it('三、约稿完成情况: count, due, on time, rate, and who was late or missing', () => {
    expect(paragraphs(commissionsSection(data))).toEqual([
      '本季度共发出约稿2次，应完成5篇，按时完成3篇，逾期完成1篇，未完成1篇，完成率60%。青石镇、区教育局党委未按时完成约稿任务。',
      '其中，“基层治理创新经验”约稿（2023年5月31日截止）应完成3篇，按时完成2篇，逾期完成1篇；“人才工作典型案例”约稿（2023年6月20日截止）应完成2篇，按时完成1篇，未完成1篇。',
    ]);
    const one = { ...data, commissions: [{ topic: '基层治理', deadline: '2023-05-31', targets: 3, onTime: 3, late: 0, missing: 0, lateOrMissingUnits: [] }] };
    expect(paragraphs(commissionsSection(one))).toEqual(['本季度共发出约稿1次，应完成3篇，按时完成3篇，完成率100%。各约稿单位均按时完成约稿任务。']);
    expect(paragraphs(commissionsSection({ ...data, commissions: [] }))).toEqual(['本季度未发出约稿。']);
  });

  it('三、约稿完成情况: a 约稿 not yet due at publication names nobody as missing and is left out of the rate', () => {
    const notDue = { ...data, commissions: [{ topic: '年终总结', deadline: '2023-06-30', targets: 4, onTime: 1, late: 0, missing: 0, pending: 3, lateOrMissingUnits: [] }] };
    expect(paragraphs(commissionsSection(notDue))).toEqual(['本季度共发出约稿1次，应完成1篇，按时完成1篇，完成率100%；另有3篇尚未到截止日期，不计入本次统计。各约稿单位均按时完成约稿任务。']);
    const none = { ...data, commissions: [{ topic: '年终总结', deadline: '2023-06-30', targets: 2, onTime: 0, late: 0, missing: 0, pending: 2, lateOrMissingUnits: [] }] };
    expect(paragraphs(commissionsSection(none))).toEqual(['本季度共发出约稿1次，应完成0篇，按时完成0篇；另有2篇尚未到截止日期，不计入本次统计。各约稿单位均按时完成约稿任务。']);
  });

  it('四、排名情况: names the 事项 by kind and the approved 加减分 before the groups', () => {
    const withItems: NoticeData = {
      ...data,
      items: [
        { kind: '会议交流发言', title: '全市组织工作会议交流发言', date: '2023-04-12', unitName: '临江街道' },
        { kind: '调研报告', title: '基层减负调研', date: '2023-05-08', unitName: '区人社局党委' },
        { kind: '会议交流发言', title: '全省现场会发言', date: '2023-06-01', unitName: '青石镇' },
      ],
      adjustments: [
        { unitName: '临江街道', points: 20_000, reason: '承办全市现场会' },
        { unitName: '禾西镇', points: -5_000, reason: '漏报重大信息' },
      ],
    };
    const [items, adjustments, first] = paragraphs(rankingSection(withItems));
    expect(items).toBe('本季度核定计分事项3项（会议交流发言2项、调研报告1项）：临江街道《全市组织工作会议交流发言》、区人社局党委《基层减负调研》、青石镇《全省现场会发言》。');
    expect(adjustments).toBe('经审批加减分：临江街道加2.00分（承办全市现场会）、禾西镇减0.50分（漏报重大信息）。');
    expect(first).toBe(paragraphs(rankingSection(data))[0]);
  });

  it('四、排名情况: top three per group with scores, ties together, units with no adoption named', () => {
    const s = rankingSection(data);
    expect(s.heading).toBe('四、排名情况');
    expect(paragraphs(s)).toEqual([
      '镇街组前三名为临江街道（72.50分）、枫林街道、青石镇（并列第二，均为48.00分），予以通报表扬。镇街组中禾西镇本季度无录用稿件，请加强信息报送工作。',
      '部门组前两名为区人社局党委（61.50分）、区教育局党委（20.00分），予以通报表扬。部门组中区文旅局党委本季度无录用稿件，请加强信息报送工作。',
    ]);
  });

  it.each([
    ['plain order', [row('A', 1, 725000), row('B', 2, 480000), row('C', 3, 312500), row('D', 4, 100)], '前三名', ['A单位（72.50分）', 'B单位（48.00分）', 'C单位（31.25分）']],
    ['a tie for first', [row('B', 1, 500000), row('A', 1, 500000), row('C', 3, 100000), row('D', 4, 1)], '前三名', ['A单位、B单位（并列第一，均为50.00分）', 'C单位（10.00分）']],
    ['a tie for third keeps both', [row('A', 1, 30000), row('B', 2, 20000), row('D', 3, 10000), row('C', 3, 10000), row('E', 5, 5000)], '前三名', ['A单位（3.00分）', 'B单位（2.00分）', 'C单位、D单位（并列第三，均为1.00分）']],
    ['only two scored', [row('A', 1, 30000), row('B', 2, 20000), row('C', 3, 0, 0)], '前两名', ['A单位（3.00分）', 'B单位（2.00分）']],
    ['only one scored', [row('A', 1, 30000), row('B', 2, 0, 0)], '第一名', ['A单位（3.00分）']],
  ])('top three with %s', (_name, rows, label, entries) => {
    expect(topThreeText(rows)).toEqual({ label, entries });
  });

  it('has no commendation when nobody scored', () => {
    expect(topThreeText([row('A', 1, 0, 0), row('B', 1, 0, 0)])).toBeNull();
    const idle = { ...data, groups: [{ groupName: '部门组', rows: [row('A', 1, 0, 0), row('B', 1, 0, 0)] }] };
    expect(paragraphs(rankingSection(idle))).toEqual(['部门组本季度各单位均未得分。部门组中A单位、B单位本季度无录用稿件，请加强信息报送工作。']);
  });

  it('五、存在问题和下一步要求: a draft from declining scores and late monthly reports', () => {
    const s = requirementsSection(data);
    expect(s.heading).toBe('五、存在问题和下一步要求');
    expect(paragraphs(s)[0]).toBe(
      '从本季度情况看，信息宣传工作还存在一些不足：一是部分单位得分同比下降，青石镇（-4.0%）、区教育局党委（-20.0%）、禾西镇（-100.0%）得分低于去年同期；二是月度情况报送不够及时，青石镇（迟报1次）、禾西镇（未报1次）未按规定时间报送。',
    );
    expect(paragraphs(s)[1]).toMatch(/^下一步，各单位要进一步提高思想认识/);
  });

  it('五、 keeps the office’s own text when there is one', () => {
    expect(paragraphs(requirementsSection({ ...data, texts: { requirements: '一要提高认识。\n二要按时报送。' } }))).toEqual(['一要提高认识。', '二要按时报送。']);
  });

  it('orders the body and closes with 特此通报', () => {
    const n = noticeNarrative(data);
    expect(n.sections.map((s) => s.key)).toEqual(['opening', 'overview', 'upper', 'commissions', 'ranking', 'requirements', 'closing']);
    expect(paragraphs(n.sections[6])).toEqual(['特此通报。']);
  });

  it('a correction states what changed, why, and that the new ranking replaces the old', () => {
    const c = correctionFixture();
    expect(paragraphs(correctionSection(c))).toEqual([
      '2023年7月10日印发的《关于2023年第二季度全区组织工作信息宣传情况的通报》（示组办〔2023〕12号）中，部分单位得分和排名有误，现更正如下：',
      '青石镇：得分由48.00分更正为50.50分，镇街组排名第2名不变（更正原因：补录6月《示例市日报》录用稿件1篇）。',
      '枫林街道：得分48.00分不变，镇街组排名由第2名更正为第3名。',
      '更正后的得分排名表见附件，原通报附件1同时废止，以本次更正后的排名为准。',
    ]);
    expect(noticeNarrative(c).sections.map((s) => s.key)).toEqual(['correction', 'closing']);
    expect(paragraphs(noticeNarrative(c).sections[1])).toEqual(['特此更正。']);
  });
});
