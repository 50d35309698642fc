import { dump, load, CORE_SCHEMA } from 'js-yaml';
import type { SchemeDocument } from '@app/scoring';

/**
 * The scheme as the form edits it: maps that the office adds rows to (media, genre, outlet
 * overrides) are lists here, and every optional part is present so that fields can bind.
 */
export interface SchemeModel {
  name: string;
  timeZone: string;
  basePoints: SchemeDocument['basePoints'];
  outletOverrides: { outlet: string; points: number }[];
  prominence: SchemeDocument['multipliers']['prominence'];
  lengthBands: { minWords: number; maxWords: number | null; factor: number }[];
  medium: { key: string; factor: number }[];
  genre: { key: string; factor: number }[];
  instructionBonus: SchemeDocument['instructionBonus'];
  repeatAdoption: string;
  jointSplit: string;
  commission: SchemeDocument['commission'];
  monthlyReport: SchemeDocument['monthlyReport'];
  caps: { overall: number | null; media: number | null; bulletin: number | null };
  floor: number | null;
  tieRule: string;
}

const entries = (m: Record<string, number> | undefined) => Object.entries(m ?? {}).map(([key, factor]) => ({ key, factor }));

/** YAML text → form model; throws the YAML error for the caller to show. */
export function toModel(text: string): SchemeModel {
  const d = (load(text, { schema: CORE_SCHEMA }) ?? {}) as Partial<SchemeDocument>;
  const m = d.multipliers ?? ({} as SchemeDocument['multipliers']);
  return {
    name: d.name ?? '',
    timeZone: d.timeZone ?? 'Asia/Shanghai',
    basePoints: d.basePoints ?? { media: { central: 0, provincial: 0, municipal: 0, district: 0 }, bulletin: { central: 0, provincial: 0, municipal: 0, district: 0 } },
    outletOverrides: d.outletOverrides ?? [],
    prominence: m.prominence ?? { headline: 1, front: 1, normal: 1 },
    lengthBands: (m.lengthBands ?? []).map((b) => ({ minWords: b.minWords, maxWords: b.maxWords ?? null, factor: b.factor })),
    medium: entries(m.medium as Record<string, number>),
    genre: entries(m.genre),
    instructionBonus: d.instructionBonus ?? { central: 0, provincial: 0, municipal: 0, district: 0 },
    repeatAdoption: d.repeatAdoption ?? 'top-up',
    jointSplit: d.jointSplit ?? 'shares',
    commission: d.commission ?? { fulfilled: 0, missed: 0 },
    monthlyReport: d.monthlyReport ?? { dueDay: 5, late: 0, missing: 0 },
    caps: { overall: d.caps?.overall ?? null, media: d.caps?.media ?? null, bulletin: d.caps?.bulletin ?? null },
    floor: d.floor ?? null,
    tieRule: d.ranking?.tieRule ?? 'competition',
  };
}

/** Form model → the scheme document (plain data, as the engine reads it). */
export function toDocument(m: SchemeModel): SchemeDocument {
  return {
    name: m.name,
    timeZone: m.timeZone,
    basePoints: m.basePoints,
    outletOverrides: m.outletOverrides,
    multipliers: {
      prominence: m.prominence,
      lengthBands: m.lengthBands.map((b) => ({ minWords: b.minWords, maxWords: b.maxWords, factor: b.factor })),
      medium: Object.fromEntries(m.medium.map((e) => [e.key, e.factor])),
      genre: Object.fromEntries(m.genre.map((e) => [e.key, e.factor])),
    },
    instructionBonus: m.instructionBonus,
    repeatAdoption: m.repeatAdoption as SchemeDocument['repeatAdoption'],
    jointSplit: m.jointSplit as SchemeDocument['jointSplit'],
    commission: m.commission,
    monthlyReport: m.monthlyReport,
    caps: m.caps,
    floor: m.floor,
    ranking: { tieRule: m.tieRule as NonNullable<SchemeDocument['ranking']>['tieRule'] },
  };
}

/** The document as YAML, nested maps on one line each like the shipped presets. */
export function toYaml(m: SchemeModel): string {
  return `# 由计分办法表单生成\n${dump(toDocument(m), { flowLevel: 2, lineWidth: 120, noRefs: true })}`;
}

export const REPEAT_LABELS: Record<string, string> = { 'top-up': '就高补差（默认）', highest: '每季度取最高一次', sum: '每次采用都计分' };
export const JOINT_LABELS: Record<string, string> = { shares: '按申报份额（默认）', equal: '一律平均分摊', 'first-unit': '全部计给第一单位' };
export const TIE_LABELS: Record<string, string> = { competition: '并列占位（1,2,2,4）', dense: '并列不占位（1,2,2,3）' };
