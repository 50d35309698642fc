import { z } from 'zod';
import { parseFixed } from '../fixed-point';
import { isValidTimeZone } from '../quarter';
import { CHANNELS, FORMS, LEVELS, MEDIA, PROMINENCES, TIE_RULES } from '../types';

/**
 * Scheme format 2: the document an office writes (YAML), as a zod schema. The schema only
 * checks; compile.ts turns a checked document into lookups. Types are inferred from it so
 * the checks and the types cannot drift apart.
 */

/** Largest magnitude accepted for any amount; keeps the integer math exact. */
export const MAX_MAGNITUDE = 1_000_000;

/** Chinese aliases office staff may write for 采用形式. */
export const FORM_ALIASES: Record<string, (typeof FORMS)[number]> = { 全文: 'full', 摘编: 'excerpt', 综合: 'combined' };

/** Medium groups usable in conditions: print (纸质) and online (网络). */
export const MEDIUM_GROUPS: Record<string, readonly (typeof MEDIA)[number][]> = {
  print: ['newspaper', 'bulletin'],
  online: ['web', 'new-media', 'app'],
};

/** A threshold or band on a count: ">=1000", "<1000", ">1000", "<=1000", "500-999" (inclusive). */
export const RANGE_RE = /^\s*(?:(>=|>|<=|<)\s*(\d+)|(\d+)\s*-\s*(\d+))\s*$/;

const amount = z.number({ error: '应为数字' }).check((ctx) => {
  const v = ctx.value;
  if (!Number.isFinite(v) || Math.abs(v) > MAX_MAGNITUDE) {
    ctx.issues.push({ code: 'custom', input: v, message: `绝对值不能超过 ${MAX_MAGNITUDE}`, params: { code: 'out_of_range' } });
  } else if (parseFixed(v) === null) {
    ctx.issues.push({ code: 'custom', input: v, message: '最多保留 4 位小数', params: { code: 'too_many_decimals' } });
  }
});
const nonNegative = amount.check((ctx) => {
  if (ctx.value < 0) ctx.issues.push({ code: 'custom', input: ctx.value, message: '不能为负数', params: { code: 'negative' } });
});
const fraction = amount.check((ctx) => {
  if (ctx.value < 0 || ctx.value > 1) {
    ctx.issues.push({ code: 'custom', input: ctx.value, message: '应在 0 到 1 之间（如 0.25 表示 25%）', params: { code: 'out_of_range' } });
  }
});
const label = z.string({ error: '应为文字' }).trim().min(1, { error: '不能为空' });
const range = z
  .string({ error: '应为文字，如 ">=1000"、"<1000"、"500-999"' })
  .regex(RANGE_RE, { error: '应写成 ">=1000"、">1000"、"<=1000"、"<1000" 或 "500-999"（含两端）' })
  .check((ctx) => {
    const m = RANGE_RE.exec(ctx.value);
    const empty = m && (m[3] !== undefined ? Number(m[3]) > Number(m[4]) : m[1] === '<' && Number(m[2]) === 0);
    if (empty) ctx.issues.push({ code: 'custom', input: ctx.value, message: '区间为空（下限大于上限）', params: { code: 'empty_range' } });
  });

function oneOrMany<T extends z.ZodType>(t: T) {
  return z.union([t, z.array(t).min(1)], { error: '应为一个值或值的列表' });
}

/** Conditions on a placement (and its article); every key given must hold; values in a list are alternatives. */
export const conditionSchema = z.strictObject({
  channel: oneOrMany(z.enum(CHANNELS)).optional(),
  medium: oneOrMany(z.enum([...MEDIA, ...Object.keys(MEDIUM_GROUPS)] as [string, ...string[]])).optional(),
  form: oneOrMany(z.enum([...FORMS, ...Object.keys(FORM_ALIASES)] as [string, ...string[]])).optional(),
  prominence: oneOrMany(z.enum(PROMINENCES)).optional(),
  level: oneOrMany(z.enum(LEVELS)).optional(),
  words: range.optional(),
  views: range.optional(),
  outlet: oneOrMany(label).optional(),
  genre: oneOrMany(label).optional(),
});
/** One condition set, or a list of alternatives ("或"). */
const when = z.union([conditionSchema, z.array(conditionSchema).min(1)], { error: '条件应为键值对象或其列表（任一满足即可）' });

/** Points per level: a number (every level), or cells by level; a missing or empty cell means "does not apply". */
const cells = z.union(
  [
    amount,
    z.strictObject({
      all: amount.optional(),
      central: amount.nullable().optional(),
      provincial: amount.nullable().optional(),
      municipal: amount.nullable().optional(),
      district: amount.nullable().optional(),
    }),
  ],
  { error: '分值应为数字，或按级别填写 { central, provincial, municipal, district }（all 表示不分级别）' },
);

const split = z.union(
  [
    z.enum(['shares', 'equal', 'first-unit']),
    z.strictObject({ weights: z.array(nonNegative).min(1) }),
    z.strictObject({ each: fraction }),
  ],
  { error: '分配方式应为 shares / equal / first-unit，或 { weights: [3, 2] }，或 { each: 0.5 }' },
);

const row = z.strictObject({ label, when: when.optional(), points: cells });
const bonus = z.strictObject({ label, when: when.optional(), points: cells, independent: z.boolean().optional() });

const factors = z.strictObject({
  prominence: z.partialRecord(z.enum(PROMINENCES), nonNegative).optional(),
  medium: z.partialRecord(z.enum(MEDIA), nonNegative).optional(),
  form: z.partialRecord(z.enum(FORMS), nonNegative).optional(),
  genre: z.record(z.string(), nonNegative).optional(),
  outlet: z.record(z.string(), nonNegative).optional(),
  words: z.array(z.strictObject({ range, factor: nonNegative })).optional(),
});

export const REPEAT_KEEPS = ['top-up', 'highest', 'sum', 'best-per-level'] as const;

const adoption = z
  .strictObject({
    rows: z.array(row),
    factors: factors.optional(),
    repeat: z
      .strictObject({ keep: z.enum(REPEAT_KEEPS), levels: z.int().min(1).max(4).optional() })
      .optional(),
    split: split.optional(),
  })
  .check((ctx) => {
    const r = ctx.value.repeat;
    if (r && r.keep === 'best-per-level' && r.levels === undefined) {
      ctx.issues.push({ code: 'custom', input: r, path: ['repeat', 'levels'], message: 'best-per-level 需要填写取几个级别（levels）', params: { code: 'required' } });
    }
  });

const outcomeValues = z.strictObject({ onTime: amount.optional(), late: amount.optional(), missed: amount.optional() });

const item = z.strictObject({
  kind: label,
  points: cells,
  recordedBy: z.enum(['unit', 'office']).optional(),
  voids: z.literal('article').optional(),
});

export const TARGET_COUNTS = ['submitted', 'adopted'] as const;
export const RATE_KINDS = ['adoption', 'commission', 'commission-on-time'] as const;

const target = z.strictObject({
  label,
  count: z.enum(TARGET_COUNTS),
  minLevel: z.enum(LEVELS).optional(),
  per: z.enum(['month', 'quarter']),
  target: z.int().min(0).max(MAX_MAGNITUDE),
  eachShort: amount.optional(),
  eachOver: amount.optional(),
  groups: z.array(label).min(1).optional(),
});

const rate = z
  .strictObject({
    label,
    rate: z.enum(RATE_KINDS),
    below: fraction.optional(),
    atLeast: fraction.optional(),
    points: amount,
    groups: z.array(label).min(1).optional(),
  })
  .check((ctx) => {
    if ((ctx.value.below === undefined) === (ctx.value.atLeast === undefined)) {
      ctx.issues.push({ code: 'custom', input: ctx.value, path: ['below'], message: 'below（低于）与 atLeast（达到）须且只能填写一个', params: { code: 'required' } });
    }
  });

const total = z.strictObject({
  start: amount.optional(),
  order: z
    .union([z.tuple([z.literal('deductions'), z.literal('bonuses')]), z.tuple([z.literal('bonuses'), z.literal('deductions')])], {
      error: 'order 应为 [deductions, bonuses] 或 [bonuses, deductions]',
    })
    .optional(),
  deductions: z.strictObject({ floor: amount.nullable().optional() }).optional(),
  bonuses: z
    .strictObject({
      cap: nonNegative.nullable().optional(),
      channelCaps: z.partialRecord(z.enum(CHANNELS), nonNegative.nullable()).optional(),
    })
    .optional(),
  net: z.strictObject({ floor: amount.nullable().optional(), cap: amount.nullable().optional() }).optional(),
});

function duplicates<T>(list: readonly T[] | undefined, key: (t: T) => string): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  (list ?? []).forEach((t, i) => {
    const k = key(t);
    if (seen.has(k)) out.push(i);
    seen.add(k);
  });
  return out;
}

/** The whole format-2 document. */
export const schemeDocument2Schema = z
  .strictObject({
    format: z.literal(2, { error: '格式版本 format 应为 2' }),
    name: label,
    timeZone: z
      .string()
      .refine((tz) => isValidTimeZone(tz), { error: '时区无效，应为 IANA 时区，如 Asia/Shanghai' })
      .optional(),
    /** Whether an officer may submit a placement before its evidence file is uploaded (default: not). */
    evidenceLater: z.boolean({ error: '应为 true（可先提交、后补证明材料）或 false' }).optional(),
    adoption,
    bonuses: z.array(bonus).optional(),
    instructions: z.strictObject({ points: cells, split: split.optional() }).optional(),
    commission: outcomeValues.extend({ byIssuer: z.record(z.string(), outcomeValues).optional() }).optional(),
    monthlyReport: z.strictObject({ dueDay: z.int().min(1).max(28), late: amount, missing: amount }).optional(),
    items: z.array(item).optional(),
    targets: z.array(target).optional(),
    rates: z.array(rate).optional(),
    total: total.optional(),
    ranking: z.strictObject({ tieRule: z.enum(TIE_RULES).optional() }).optional(),
  })
  .check((ctx) => {
    for (const i of duplicates(ctx.value.items, (it) => it.kind)) {
      ctx.issues.push({ code: 'custom', input: ctx.value.items, path: ['items', i, 'kind'], message: '事项名称重复', params: { code: 'duplicate' } });
    }
    for (const i of duplicates(ctx.value.adoption.rows, (r) => r.label)) {
      ctx.issues.push({ code: 'custom', input: ctx.value.adoption.rows, path: ['adoption', 'rows', i, 'label'], message: '行名称重复（说明中按行名称引用条款）', params: { code: 'duplicate' } });
    }
  });

export type SchemeDocument2 = z.infer<typeof schemeDocument2Schema>;
export type Condition2 = z.infer<typeof conditionSchema>;
export type When2 = Condition2 | Condition2[];
export type Cells2 = SchemeDocument2['adoption']['rows'][number]['points'];
export type Split2 = NonNullable<SchemeDocument2['adoption']['split']>;
export type AdoptionRow2 = SchemeDocument2['adoption']['rows'][number];
export type Bonus2 = NonNullable<SchemeDocument2['bonuses']>[number];
export type ItemKind2 = NonNullable<SchemeDocument2['items']>[number];
export type Target2 = NonNullable<SchemeDocument2['targets']>[number];
export type Rate2 = NonNullable<SchemeDocument2['rates']>[number];
export type Total2 = NonNullable<SchemeDocument2['total']>;
