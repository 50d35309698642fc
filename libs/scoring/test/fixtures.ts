import { normalizeScheme } from '../src/scheme-parse';
import type { CompiledScheme, SchemeDocument } from '../src/scheme.types';
import type {
  ScoringArticle,
  ScoringCommission,
  ScoringInput,
  ScoringInstruction,
  ScoringPlacement,
  ScoringUnit,
  ScoreLine,
} from '../src/types';

/** The `standard` preset exactly as specified in the scoring issue. */
export function standardDoc(): SchemeDocument {
  return {
    name: '标准计分办法',
    timeZone: 'Asia/Shanghai',
    basePoints: {
      media: { central: 30, provincial: 10, municipal: 5, district: 1 },
      bulletin: { central: 40, provincial: 20, municipal: 10, district: 5 },
    },
    outletOverrides: [],
    multipliers: { prominence: { headline: 2, front: 1.5, normal: 1 }, lengthBands: [], medium: {}, genre: {} },
    instructionBonus: { central: 30, provincial: 20, municipal: 10, district: 5 },
    repeatAdoption: 'top-up',
    jointSplit: 'shares',
    commission: { fulfilled: 3, missed: -3 },
    monthlyReport: { dueDay: 5, late: -1, missing: -2 },
    caps: { overall: null, media: null, bulletin: null },
    floor: null,
    ranking: { tieRule: 'competition' },
  };
}

/** Standard preset with top-level fields replaced, compiled. */
export function schemeWith(patch: Partial<SchemeDocument> = {}): CompiledScheme {
  return normalizeScheme({ ...standardDoc(), ...patch });
}

export function unit(id: string, groupId = 'g1', code = id): ScoringUnit {
  return { id, code, name: `单位${id}`, groupId, groupName: `组${groupId}` };
}

export function article(id: string, units: ScoringArticle['units'] = [{ unitId: 'u1' }], extra: Partial<ScoringArticle> = {}): ScoringArticle {
  return { id, title: `稿件${id}`, submittedDate: '2023-01-01', units, ...extra };
}

export function placement(id: string, articleId: string, extra: Partial<ScoringPlacement>): ScoringPlacement {
  return {
    id,
    articleId,
    outletId: 'o1',
    outletCode: 'OUT',
    outletName: '某媒体',
    level: 'central',
    channel: 'media',
    prominence: 'normal',
    publishedDate: '2023-08-01',
    ...extra,
  };
}

export function instruction(id: string, articleId: string, extra: Partial<ScoringInstruction>): ScoringInstruction {
  return { id, articleId, leaderTitle: '市委书记', level: 'municipal', date: '2023-08-01', ...extra };
}

export function commission(id: string, deadline: string, targets: ScoringCommission['targets']): ScoringCommission {
  return { id, topic: `主题${id}`, deadline, targets };
}

export function input(extra: Partial<ScoringInput> = {}): ScoringInput {
  return {
    units: [],
    articles: [],
    placements: [],
    instructions: [],
    commissions: [],
    monthlyReports: [],
    asOfDate: '2023-12-31',
    ...extra,
  };
}

/** The fields a rule test asserts on. */
export function brief(lines: ScoreLine[]): { unitId: string; amount: number; ruleId: string; recordId: string }[] {
  return lines.map((l) => ({ unitId: l.unitId, amount: l.amount, ruleId: l.ruleId, recordId: l.recordId }));
}
