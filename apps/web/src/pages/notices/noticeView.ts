import { LEVEL_LABELS, LEVELS, type Level } from '@app/contracts';
import { quarterLabel } from '@/api/publication';

/**
 * What the notice page shows. The server stores the notice as data (the DOCX is made from the
 * same data); when it also sends the laid-out sections, those are shown word for word.
 */
export interface NoticeView {
  title: string;
  docNumber: string | null;
  recipients: string;
  sections: { heading: string | null; parts: { subheading?: string; paragraphs: string[] }[] }[];
  issuer: string;
  issuedDate: string | null;
  copyTo: string | null;
  ranking: { name: string; rows: RankRow[] }[];
  adoptions: { caption: string; rows: AdoptionRow[] }[];
  legend: string;
}

export interface RankRow {
  rank: number;
  unitName: string;
  articlesSubmitted: number;
  central: number;
  provincial: number;
  municipal: number;
  district: number;
  instructions: number;
  commissions: string;
  monthly: string;
  score: string;
}

export interface AdoptionRow {
  units: string;
  title: string;
  outlet: string;
  date: string;
  page: string;
  marks: string;
}

interface DataRow {
  unitName: string; groupRank: number; overallRank: number; total: number; articlesSubmitted: number; central: number; provincial: number; municipal: number; district: number;
  instructions: number; commissionsDone: number; commissionsDue: number; monthlyLate: number; monthlyMissing: number;
}
interface NoticeData {
  office: { name: string };
  quarter: string;
  kind: 'notice' | 'correction';
  texts: { docNumber?: string; opening?: string; requirements?: string; issuer?: string; issuedDate?: string; copyTo?: string; recipients?: string };
  summary: { articlesSubmitted: number; placements: number; byLevel: Record<Level, number>; instructions: number };
  highlights: { unitName: string; title: string; outletName: string; level: string }[];
  instructions: { unitNames: string[]; title: string; leaderTitle: string }[];
  commissions: { topic: string; targets: number; onTime: number; late: number; missing: number; lateOrMissingUnits: string[] }[];
  groups: { groupName: string; rows: DataRow[] }[];
  overall: DataRow[];
  adoptions: { level: Level; outletName: string; publishedDate: string; unitNames: string[]; title: string; page: string | null; headline: boolean; instruction: boolean; commission: boolean }[];
}

const score = (tenThousandths: number) => (tenThousandths / 10000).toFixed(2);
const cnDate = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
const monthly = (r: DataRow) => [r.monthlyLate ? `迟报${r.monthlyLate}` : '', r.monthlyMissing ? `未报${r.monthlyMissing}` : ''].filter(Boolean).join('、') || '按时';

function rankRow(r: DataRow, rank: number): RankRow {
  return {
    rank, unitName: r.unitName, articlesSubmitted: r.articlesSubmitted, central: r.central, provincial: r.provincial, municipal: r.municipal, district: r.district,
    instructions: r.instructions, commissions: r.commissionsDue ? `${r.commissionsDone}/${r.commissionsDue}` : '—', monthly: monthly(r), score: score(r.total),
  };
}

/** The page from the notice data alone: the figures, the names and the tables the document carries. */
function fromData(d: NoticeData): NoticeView {
  const q = quarterLabel(d.quarter);
  const levels = LEVELS.map((l) => `${LEVEL_LABELS[l]}${d.summary.byLevel[l]}篇`).join('、');
  const sections: NoticeView['sections'] = [
    { heading: null, parts: [{ paragraphs: (d.texts.opening ?? `${q}，各单位认真落实组织工作信息宣传任务，现将有关情况通报如下：`).split('\n') }] },
    { heading: '一、总体情况', parts: [{ paragraphs: [`本季度共报送信息稿件${d.summary.articlesSubmitted}篇，被各级媒体和刊物录用${d.summary.placements}篇（次），其中${levels}；获领导批示${d.summary.instructions}篇次。`] }] },
    { heading: '二、上级采用及领导批示情况', parts: [{ paragraphs: [...d.highlights.map((h) => `${h.unitName}《${h.title}》被${h.outletName}录用。`), ...d.instructions.map((i) => `${i.unitNames.join('、')}《${i.title}》获${i.leaderTitle}批示。`)].concat(d.highlights.length + d.instructions.length ? [] : ['本季度无省级以上采用和领导批示。']) }] },
    { heading: '三、约稿完成情况', parts: [{ paragraphs: d.commissions.length ? d.commissions.map((c) => `「${c.topic}」应完成${c.targets}篇，按时完成${c.onTime}篇${c.late ? `，逾期${c.late}篇` : ''}${c.missing ? `，未完成${c.missing}篇` : ''}${c.lateOrMissingUnits.length ? `（${c.lateOrMissingUnits.join('、')}）` : ''}。`) : ['本季度未发出约稿。'] }] },
    { heading: '四、排名情况', parts: d.groups.map((g) => ({ paragraphs: [`${g.groupName}前三名为${g.rows.slice(0, 3).map((r) => `${r.unitName}（${score(r.total)}分）`).join('、')}。`] })) },
  ];
  if (d.texts.requirements) sections.push({ heading: '五、存在问题和下一步要求', parts: [{ paragraphs: d.texts.requirements.split('\n') }] });
  const marks = (a: NoticeData['adoptions'][number]) => `${a.instruction ? '★' : ''}${a.commission ? '▲' : ''}${a.headline ? '◆' : ''}`;
  return {
    title: `关于${q}全区组织工作信息宣传情况的${d.kind === 'correction' ? '通报的更正' : '通报'}`,
    docNumber: d.texts.docNumber ?? null,
    recipients: `${d.texts.recipients ?? '各街道（镇）党（工）委，区直各部门党委（党组）'}：`,
    sections,
    issuer: d.texts.issuer ?? d.office.name,
    issuedDate: d.texts.issuedDate ? cnDate(d.texts.issuedDate) : null,
    copyTo: d.texts.copyTo ?? null,
    ranking: [...d.groups.map((g) => ({ name: g.groupName, rows: g.rows.map((r) => rankRow(r, r.groupRank)) })), { name: '总排名', rows: d.overall.map((r) => rankRow(r, r.overallRank)) }],
    adoptions: LEVELS.map((l) => {
      const rows = d.adoptions.filter((a) => a.level === l);
      return { caption: `${LEVEL_LABELS[l]}（${rows.length}篇次）`, rows: rows.map((a) => ({ units: a.unitNames.join('、'), title: a.title, outlet: a.outletName, date: cnDate(a.publishedDate), page: a.page ?? '', marks: marks(a) })) };
    }).filter((g) => g.rows.length),
    legend: '注：★ 领导批示；▲ 约稿；◆ 头版头条。',
  };
}

interface Sections {
  title: string; docNumber: string | null; recipients: string; sections: NoticeView['sections']; issuer: string; issuedDate: string | null; copyTo: string | null;
  ranking: { tables: { name: string; rows: (RankRow & { score: string })[] }[] };
  adoptions: { groups: { caption: string; rows: AdoptionRow[] }[]; legend: string } | null;
}

export function toNoticeView(data: unknown): NoticeView {
  const s = data as Sections;
  if (Array.isArray(s.sections) && s.ranking?.tables) {
    return { ...s, ranking: s.ranking.tables.map((t) => ({ name: t.name, rows: t.rows })), adoptions: s.adoptions?.groups ?? [], legend: s.adoptions?.legend ?? '' };
  }
  return fromData(data as NoticeData);
}
