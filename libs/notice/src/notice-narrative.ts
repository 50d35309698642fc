import { LEVELS, LEVEL_LABELS, type Level } from '@app/contracts';
import type { NoticeData, NoticeUnitRow } from './notice-data';
import {
  chineseDate,
  chineseNumber,
  describeCountChange,
  formatCount,
  formatRate,
  formatScore,
  formatScoreChange,
  joinNames,
  nestQuotes,
  paragraphsOf,
  parseQuarter,
  regionSuffix,
  regionWide,
  unique,
} from './notice-format';

/** A run of paragraphs, optionally under a level-2 heading (（一）…, set in 楷体). */
export interface NarrativePart {
  subheading?: string;
  paragraphs: string[];
}

/** One part of the body; heading is the level-1 heading (一、…, set in 黑体) or null. */
export interface NarrativeSection {
  key: 'opening' | 'overview' | 'upper' | 'commissions' | 'ranking' | 'requirements' | 'correction' | 'closing';
  heading: string | null;
  parts: NarrativePart[];
}

export interface NoticeNarrative {
  title: string;
  /** the title broken where a reader expects it (long first line, short second line) */
  titleLines: string[];
  /** 主送机关, with the closing colon */
  recipients: string;
  sections: NarrativeSection[];
}

/**
 * 二、上级采用及领导批示情况 quotes at most this many provincial-and-above adoptions (highest level
 * first, then outlet and date, as in 附件2) and says how many there are in all: a city's quarter
 * has thousands, which no reader goes through in the body.
 */
export const HIGHLIGHT_LIMIT = 30;
/** The same cap for the 批示 quoted in the body, in date order. */
export const INSTRUCTION_LIMIT = 30;

/** The body quotes at most this many 事项 and 加减分 by name; the rest are counted. */
export const ITEM_LIMIT = 30;

const levelLabel = (level: string): string => LEVEL_LABELS[level as Level] ?? level;
const sentenceEnd = (text: string): string => text.replace(/[。；;，,.\s]+$/u, '');
const hasAdoption = (r: NoticeUnitRow): boolean => r.central + r.provincial + r.municipal + r.district > 0;

/** 关于2023年第二季度全区组织工作信息宣传情况的通报 (or …情况通报的更正) */
export function noticeTitle(data: NoticeData): string {
  return noticeTitleLines(data).join('');
}

export function noticeTitleLines(data: NoticeData): string[] {
  const head = `关于${parseQuarter(data.quarter).label}${regionWide(data.office.regionName)}组织工作`;
  const tail = data.kind === 'correction' ? '信息宣传情况通报的更正' : '信息宣传情况的通报';
  return [head, data.backfill ? `${tail}（补录）` : tail];
}

/** The title of the notice a correction corrects. */
function correctedTitle(data: NoticeData): string {
  return noticeTitle({ ...data, kind: 'notice' });
}

export function noticeRecipients(data: NoticeData): string {
  const text = data.texts.recipients?.trim() || defaultRecipients(data);
  return `${sentenceEnd(text.replace(/[:：]+$/u, ''))}：`;
}

/**
 * 各街道（镇）党（工）委，区直各部门党委（党组）; to the offices below when it ranks them: 各区委组织部
 * (各县（市）委组织部 for several kinds of region), before its own units' when it has both.
 */
function defaultRecipients(data: NoticeData): string {
  const own = `各街道（镇）党（工）委，${regionSuffix(data.office.regionName)}直各部门党委（党组）`;
  const below = data.office.below;
  if (!below?.regionNames.length) return own;
  const [first, ...others] = [...new Set(below.regionNames.map(regionSuffix))];
  const offices = `各${first}${others.length ? `（${others.join('、')}）` : ''}委组织部`;
  return below.ownUnits ? `${offices}，${own}` : offices;
}

function openingSection(data: NoticeData): NarrativeSection {
  const custom = paragraphsOf(data.texts.opening);
  const scheme = data.texts.schemeName?.trim() || `《${data.office.regionName}组织工作信息宣传计分办法》`;
  const fallback = `${parseQuarter(data.quarter).label}，各单位认真落实组织工作信息宣传任务，积极报送信息稿件，信息宣传工作取得新成效。根据${scheme}，现将有关情况通报如下：`;
  return { key: 'opening', heading: null, parts: [{ paragraphs: custom.length > 0 ? custom : [fallback] }] };
}

/** 一、总体情况: totals, by level, 同比/环比, 批示, and what was left out. */
export function overviewSection(data: NoticeData): NarrativeSection {
  const s = data.summary;
  let text = `本季度${regionWide(data.office.regionName)}共报送信息稿件${formatCount(s.articlesSubmitted)}篇，被各级媒体和刊物录用${formatCount(s.placements)}篇（次）`;
  const levels = LEVELS.filter((l) => (s.byLevel[l] ?? 0) > 0).map((l) => `${LEVEL_LABELS[l]}${formatCount(s.byLevel[l])}篇`);
  if (levels.length > 0) text += `，其中${joinNames(levels)}`;
  const comparisons: string[] = [];
  const yoy = describeCountChange(s.placements, s.lastYearPlacements, '同比');
  const qoq = describeCountChange(s.placements, s.previousQuarterPlacements, '环比');
  if (yoy) comparisons.push(yoy);
  if (qoq) comparisons.push(qoq);
  if (comparisons.length > 0) text += `，录用总数${comparisons.join('，')}`;
  text += s.instructions > 0 ? `；获领导批示${formatCount(s.instructions)}篇次。` : '；本季度未获领导批示。';
  const paragraphs = [text];
  // one sentence, whatever their number: the entries themselves are listed with their units in 附件3
  if (s.excluded.length > 0) paragraphs.push(`另有${formatCount(s.excluded.length)}条未核定的记录不计入本次排名，明细见附件3。`);
  return { key: 'overview', heading: '一、总体情况', parts: [{ paragraphs }] };
}

/**
 * A list quoted in the body, capped: every item when there are at most `limit`, else the first
 * `limit` under the true total and the count of the rest (择要列举如下：……。其余N篇次……).
 */
function quotedList(items: string[], total: number, limit: number, lead: string, rest: string): string {
  const shown = items.slice(0, limit);
  if (total <= shown.length) return `${lead}${formatCount(total)}篇次：${shown.join('；')}。`;
  return `${lead}${formatCount(total)}篇次，择要列举如下：${shown.join('；')}。其余${formatCount(total - shown.length)}篇次${rest}。`;
}

/** 二、上级采用及领导批示情况: provincial-and-above adoptions and the 批示, by name (at most 30 of each). */
export function upperSection(data: NoticeData): NarrativeSection {
  const adoptedTotal = Math.max(data.highlightsTotal ?? 0, data.highlights.length);
  const adopted =
    adoptedTotal > 0
      ? quotedList(
          data.highlights.map((h) => `${h.unitName}《${h.title}》被${h.outletName}${h.channel === 'bulletin' ? '采用' : '刊发'}（${levelLabel(h.level)}）`),
          adoptedTotal,
          HIGHLIGHT_LIMIT,
          '本季度，省级以上媒体和刊物录用稿件',
          '详见附件2',
        )
      : '本季度无稿件被省级以上媒体和刊物录用。';
  const instructedTotal = Math.max(data.instructionsTotal ?? 0, data.instructions.length);
  const instructed =
    instructedTotal > 0
      ? quotedList(
          data.instructions.map((i) => `${joinNames(i.unitNames)}《${i.title}》获${i.leaderTitle}批示`),
          instructedTotal,
          INSTRUCTION_LIMIT,
          '本季度，稿件获领导批示',
          '见附件2中标注★的稿件',
        )
      : '本季度无稿件获领导批示。';
  return {
    key: 'upper',
    heading: '二、上级采用及领导批示情况',
    parts: [
      { subheading: '（一）上级媒体和刊物采用情况', paragraphs: [adopted] },
      { subheading: '（二）领导批示情况', paragraphs: [instructed] },
    ],
  };
}

/** 三、约稿完成情况: count, due, on time, rate, and the units that were late or missing. */
export function commissionsSection(data: NoticeData): NarrativeSection {
  const list = data.commissions;
  const heading = '三、约稿完成情况';
  if (list.length === 0) return { key: 'commissions', heading, parts: [{ paragraphs: ['本季度未发出约稿。'] }] };
  // A target whose deadline had not passed at publication is neither done nor missed (as in the scores).
  const pending = list.reduce((n, c) => n + (c.pending ?? 0), 0);
  const due = list.reduce((n, c) => n + c.targets, 0) - pending;
  const onTime = list.reduce((n, c) => n + c.onTime, 0);
  const late = list.reduce((n, c) => n + c.late, 0);
  const missing = list.reduce((n, c) => n + c.missing, 0);
  let text = `本季度共发出约稿${list.length}次，应完成${due}篇，按时完成${onTime}篇`;
  if (late > 0) text += `，逾期完成${late}篇`;
  if (missing > 0) text += `，未完成${missing}篇`;
  text += due > 0 ? `，完成率${formatRate(onTime, due)}` : '';
  text += pending > 0 ? `；另有${pending}篇尚未到截止日期，不计入本次统计。` : '。';
  const laggards = unique(list.flatMap((c) => c.lateOrMissingUnits));
  text += laggards.length > 0 ? `${joinNames(laggards)}未按时完成约稿任务。` : '各约稿单位均按时完成约稿任务。';
  const paragraphs = [text];
  if (list.length > 1) {
    const details = list.map((c) => {
      let d = `“${c.topic}”约稿（${chineseDate(c.deadline)}截止）应完成${c.targets - (c.pending ?? 0)}篇，按时完成${c.onTime}篇`;
      if (c.late > 0) d += `，逾期完成${c.late}篇`;
      if (c.missing > 0) d += `，未完成${c.missing}篇`;
      if (c.pending) d += `，${c.pending}篇尚未到期`;
      return d;
    });
    paragraphs.push(`其中，${details.join('；')}。`);
  }
  return { key: 'commissions', heading, parts: [{ paragraphs }] };
}

/**
 * The commended units of a group: ranks 1–3 among units that scored, ties kept together
 * ("青石镇、枫林街道（并列第二，均为48.00分）").
 */
export function topThreeText(rows: NoticeUnitRow[]): { label: string; entries: string[] } | null {
  const top = [...rows]
    .filter((r) => r.groupRank <= 3 && r.total > 0)
    .sort((a, b) => a.groupRank - b.groupRank || (a.unitCode < b.unitCode ? -1 : 1));
  if (top.length === 0) return null;
  const entries: string[] = [];
  for (let i = 0; i < top.length; ) {
    const tied = top.filter((r) => r.groupRank === top[i].groupRank);
    entries.push(
      tied.length === 1
        ? `${tied[0].unitName}（${formatScore(tied[0].total)}）`
        : `${joinNames(tied.map((r) => r.unitName))}（并列第${chineseNumber(tied[0].groupRank)}，均为${formatScore(tied[0].total)}）`,
    );
    i += tied.length;
  }
  const label = top.length >= 3 ? '前三名' : top.length === 2 ? '前两名' : '第一名';
  return { label, entries };
}

/**
 * The 事项 and 加减分 that count in the ranking: 事项 by kind with the first ITEM_LIMIT named,
 * every approved 加减分 up to ITEM_LIMIT with its unit, points and reason. Empty when there are none.
 */
export function itemsAndAdjustmentsText(data: NoticeData): string[] {
  const out: string[] = [];
  const items = data.items ?? [];
  if (items.length > 0) {
    const kinds = new Map<string, number>();
    for (const i of items) kinds.set(i.kind, (kinds.get(i.kind) ?? 0) + 1);
    const named = items.slice(0, ITEM_LIMIT).map((i) => `${i.unitName}《${i.title}》`);
    const more = items.length > ITEM_LIMIT ? `等` : '';
    out.push(`本季度核定计分事项${formatCount(items.length)}项（${joinNames([...kinds].map(([k, n]) => `${k}${n}项`))}）：${joinNames(named)}${more}。`);
  }
  const adjustments = data.adjustments ?? [];
  if (adjustments.length > 0) {
    const named = adjustments.slice(0, ITEM_LIMIT).map((a) => `${a.unitName}${a.points >= 0 ? '加' : '减'}${formatScore(Math.abs(a.points))}（${a.reason}）`);
    const more = adjustments.length > ITEM_LIMIT ? `等${formatCount(adjustments.length)}项` : '';
    out.push(`经审批加减分：${joinNames(named)}${more}。`);
  }
  return out;
}

/** 四、排名情况: the 事项 and 加减分 counted, then per group the top three with scores, and the units with no adoption. */
export function rankingSection(data: NoticeData): NarrativeSection {
  const paragraphs = data.groups.map((g) => {
    const top = topThreeText(g.rows);
    let text = top ? `${g.groupName}${top.label}为${joinNames(top.entries)}，予以通报表扬。` : `${g.groupName}本季度各单位均未得分。`;
    const idle = [...g.rows].sort((a, b) => (a.unitCode < b.unitCode ? -1 : 1)).filter((r) => !hasAdoption(r));
    if (idle.length > 0) text += `${g.groupName}中${joinNames(idle.map((r) => r.unitName))}本季度无录用稿件，请加强信息报送工作。`;
    return text;
  });
  const ranked = paragraphs.length > 0 ? paragraphs : ['本季度无排名单位。'];
  return { key: 'ranking', heading: '四、排名情况', parts: [{ paragraphs: [...itemsAndAdjustmentsText(data), ...ranked] }] };
}

/** 五、存在问题和下一步要求: the office's text, or a starting draft from the figures. */
export function requirementsSection(data: NoticeData): NarrativeSection {
  const heading = '五、存在问题和下一步要求';
  const custom = paragraphsOf(data.texts.requirements);
  if (custom.length > 0) return { key: 'requirements', heading, parts: [{ paragraphs: custom }] };
  const units = [...data.overall].sort((a, b) => a.overallRank - b.overallRank || (a.unitCode < b.unitCode ? -1 : 1));
  const problems: string[] = [];
  const declining = units.filter((r) => r.lastYearTotal !== null && r.lastYearTotal > 0 && r.total < r.lastYearTotal);
  if (declining.length > 0) {
    problems.push(`部分单位得分同比下降，${joinNames(declining.map((r) => `${r.unitName}（${formatScoreChange(r.total, r.lastYearTotal)}）`))}得分低于去年同期`);
  }
  const late = units.filter((r) => r.monthlyLate > 0 || r.monthlyMissing > 0);
  if (late.length > 0) {
    const items = late.map((r) => {
      const what = [r.monthlyLate > 0 ? `迟报${r.monthlyLate}次` : '', r.monthlyMissing > 0 ? `未报${r.monthlyMissing}次` : ''].filter(Boolean);
      return `${r.unitName}（${joinNames(what)}）`;
    });
    problems.push(`月度情况报送不够及时，${joinNames(items)}未按规定时间报送`);
  }
  const first =
    problems.length > 0
      ? `从本季度情况看，信息宣传工作还存在一些不足：${problems.map((p, i) => `${chineseNumber(i + 1)}是${p}`).join('；')}。`
      : '从本季度情况看，各单位信息宣传工作总体平稳，月度情况均按时报送。';
  const next =
    '下一步，各单位要进一步提高思想认识，落实信息员采集上报、办公室主任把关、分管领导负责的三级负责制，按时报送月度情况，按要求完成约稿任务；要围绕中心工作深入挖掘典型经验，多出精品稿件，努力提高在中央级、省级媒体和刊物的录用数量。';
  return { key: 'requirements', heading, parts: [{ paragraphs: [first, next] }] };
}

/** The body of a 更正通报: which lines changed, old and new figures, and that this ranking replaces the earlier one. */
export function correctionSection(data: NoticeData): NarrativeSection {
  const custom = paragraphsOf(data.texts.opening);
  const prev = data.previous ?? {};
  const lead =
    `${prev.issuedDate ? `${chineseDate(prev.issuedDate)}印发的` : '此前印发的'}《${correctedTitle(data)}》` +
    `${prev.docNumber ? `（${prev.docNumber}）` : ''}中，部分单位得分和排名有误，现更正如下：`;
  const lines = (data.corrections ?? []).map((c) => {
    const score = c.oldTotal === c.newTotal ? `得分${formatScore(c.newTotal)}不变` : `得分由${formatScore(c.oldTotal)}更正为${formatScore(c.newTotal)}`;
    const scope = c.groupName ? `${c.groupName}` : '';
    const rank = c.oldRank === c.newRank ? `${scope}排名第${c.newRank}名不变` : `${scope}排名由第${c.oldRank}名更正为第${c.newRank}名`;
    const reason = c.reason?.trim() ? `（更正原因：${sentenceEnd(c.reason.trim())}）` : '';
    return `${c.unitName}：${score}，${rank}${reason}。`;
  });
  const tail = '更正后的得分排名表见附件，原通报附件1同时废止，以本次更正后的排名为准。';
  return { key: 'correction', heading: null, parts: [{ paragraphs: [...(custom.length > 0 ? custom : [lead]), ...lines, tail] }] };
}

/** The whole narrative of the notice (or of the correction), in reading order. */
export function noticeNarrative(data: NoticeData): NoticeNarrative {
  const sections: NarrativeSection[] =
    data.kind === 'correction'
      ? [correctionSection(data), { key: 'closing', heading: null, parts: [{ paragraphs: ['特此更正。'] }] }]
      : [
          openingSection(data),
          overviewSection(data),
          upperSection(data),
          commissionsSection(data),
          rankingSection(data),
          requirementsSection(data),
          { key: 'closing', heading: null, parts: [{ paragraphs: ['特此通报。'] }] },
        ];
  // every text the notice quotes (titles, topics, the office's own wording) gets its nested quotes alternated
  const quoted = sections.map((section) => ({
    ...section,
    parts: section.parts.map((part) => ({ ...part, paragraphs: part.paragraphs.map((p) => nestQuotes(p)) })),
  }));
  return { title: noticeTitle(data), titleLines: noticeTitleLines(data), recipients: noticeRecipients(data), sections: quoted };
}
