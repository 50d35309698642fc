import { parseFixed } from './fixed-point';
import { isValidTimeZone } from './quarter';
import type { SchemeError, SchemeValidationContext } from './scheme.types';
import { CHANNELS, JOINT_SPLITS, LEVELS, MEDIA, PROMINENCES, REPEAT_ADOPTIONS, TIE_RULES } from './types';

/** Largest magnitude accepted for any amount or factor; keeps the integer math exact. */
const MAX_MAGNITUDE = 1_000_000;

const TOP_KEYS = [
  'name', 'timeZone', 'basePoints', 'outletOverrides', 'multipliers', 'instructionBonus',
  'repeatAdoption', 'jointSplit', 'commission', 'monthlyReport', 'caps', 'floor', 'ranking',
] as const;

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

interface NumberRule {
  min?: number;
  integer?: boolean;
  max?: number;
  nullable?: boolean;
}

class Collector {
  readonly errors: SchemeError[] = [];

  add(path: string, code: string, message: string): void {
    this.errors.push({ path, code, message });
  }

  object(parent: Obj, key: string, path: string, required: boolean): Obj | undefined {
    const p = join(path, key);
    const v = parent[key];
    if (v === undefined || v === null) {
      if (required) this.add(p, 'required', `缺少必填项 ${p}`);
      return undefined;
    }
    if (!isObject(v)) {
      this.add(p, 'not_an_object', `${p} 必须是键值对象`);
      return undefined;
    }
    return v;
  }

  /** Rejects keys outside `allowed`; `code` and `label` name the kind of key for the message. */
  keys(obj: Obj, path: string, allowed: readonly string[], code = 'unknown_key', label = '字段'): void {
    for (const k of Object.keys(obj)) {
      if (!allowed.includes(k)) {
        this.add(join(path, k), code, `未知${label}“${k}”，应为 ${allowed.join(' / ')} 之一`);
      }
    }
  }

  number(parent: Obj, key: string | number, path: string, rule: NumberRule & { required?: boolean } = {}): void {
    const p = join(path, key);
    const v = (parent as Record<string | number, unknown>)[key];
    if (v === undefined || (v === null && !rule.nullable)) {
      if (rule.required !== false) this.add(p, 'required', `缺少必填项 ${p}`);
      return;
    }
    if (v === null) return;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.add(p, 'not_a_number', `${p} 必须是数字，实际为“${String(v)}”`);
      return;
    }
    if (rule.integer && !Number.isInteger(v)) {
      this.add(p, 'not_an_integer', `${p} 必须是整数`);
      return;
    }
    if (rule.min === 0 && v < 0) {
      this.add(p, 'negative', `${p} 不能为负数`);
      return;
    }
    if ((rule.min !== undefined && v < rule.min) || (rule.max !== undefined && v > rule.max)) {
      this.add(p, 'out_of_range', `${p} 应在 ${rule.min} 到 ${rule.max} 之间`);
      return;
    }
    if (Math.abs(v) > MAX_MAGNITUDE) {
      this.add(p, 'out_of_range', `${p} 的绝对值不能超过 ${MAX_MAGNITUDE}`);
      return;
    }
    if (parseFixed(v) === null) this.add(p, 'invalid_value', `${p} 最多保留 4 位小数`);
  }

  oneOf(parent: Obj, key: string, path: string, allowed: readonly string[]): void {
    const p = join(path, key);
    const v = parent[key];
    if (v === undefined) return;
    if (typeof v !== 'string' || !allowed.includes(v)) {
      this.add(p, 'invalid_value', `${p} 应为 ${allowed.join(' / ')} 之一，实际为“${String(v)}”`);
    }
  }
}

/**
 * Checks a parsed scheme document field by field; returns [] when it is valid.
 * Rejects unknown keys (top level, channels, levels, prominence, media), missing or
 * non-numeric amounts, negative base points and multipliers, overlapping length bands,
 * overrides naming an outlet outside `ctx.outletCodes`, and a dueDay that is not an
 * integer in 1..28.
 */
export function validateScheme(doc: unknown, ctx: SchemeValidationContext = {}): SchemeError[] {
  const c = new Collector();
  if (!isObject(doc)) {
    c.add('', doc === undefined || doc === null ? 'required' : 'not_an_object', '计分办法必须是一个键值对象（YAML 映射）');
    return c.errors;
  }
  c.keys(doc, '', TOP_KEYS);

  if (typeof doc.name !== 'string' || doc.name.trim() === '') {
    c.add('name', doc.name === undefined ? 'required' : 'invalid_value', '计分办法名称（name）必须是非空字符串');
  }
  if (doc.timeZone !== undefined && (typeof doc.timeZone !== 'string' || !isValidTimeZone(doc.timeZone))) {
    c.add('timeZone', 'invalid_value', `时区“${String(doc.timeZone)}”无效，应为 IANA 时区，如 Asia/Shanghai`);
  }

  const base = c.object(doc, 'basePoints', '', true);
  if (base) {
    c.keys(base, 'basePoints', CHANNELS, 'unknown_channel', '渠道');
    for (const ch of CHANNELS) {
      const row = c.object(base, ch, 'basePoints', true);
      if (!row) continue;
      c.keys(row, `basePoints.${ch}`, LEVELS, 'unknown_level', '级别');
      for (const lv of LEVELS) c.number(row, lv, `basePoints.${ch}`, { min: 0 });
    }
  }

  validateOverrides(c, doc.outletOverrides, ctx);
  validateMultipliers(c, doc);

  const bonus = c.object(doc, 'instructionBonus', '', true);
  if (bonus) {
    c.keys(bonus, 'instructionBonus', LEVELS, 'unknown_level', '级别');
    for (const lv of LEVELS) c.number(bonus, lv, 'instructionBonus', { min: 0 });
  }

  c.oneOf(doc, 'repeatAdoption', '', REPEAT_ADOPTIONS);
  c.oneOf(doc, 'jointSplit', '', JOINT_SPLITS);

  const commission = c.object(doc, 'commission', '', true);
  if (commission) {
    c.keys(commission, 'commission', ['fulfilled', 'missed']);
    c.number(commission, 'fulfilled', 'commission');
    c.number(commission, 'missed', 'commission');
  }

  const monthly = c.object(doc, 'monthlyReport', '', true);
  if (monthly) {
    c.keys(monthly, 'monthlyReport', ['dueDay', 'late', 'missing']);
    c.number(monthly, 'dueDay', 'monthlyReport', { integer: true, min: 1, max: 28 });
    c.number(monthly, 'late', 'monthlyReport');
    c.number(monthly, 'missing', 'monthlyReport');
  }

  const caps = c.object(doc, 'caps', '', false);
  if (caps) {
    c.keys(caps, 'caps', ['overall', ...CHANNELS]);
    for (const k of ['overall', ...CHANNELS]) c.number(caps, k, 'caps', { min: 0, nullable: true, required: false });
  }
  c.number(doc, 'floor', '', { nullable: true, required: false });

  const ranking = c.object(doc, 'ranking', '', false);
  if (ranking) {
    c.keys(ranking, 'ranking', ['tieRule']);
    c.oneOf(ranking, 'tieRule', 'ranking', TIE_RULES);
  }
  return c.errors;
}

function validateOverrides(c: Collector, v: unknown, ctx: SchemeValidationContext): void {
  if (v === undefined || v === null) return;
  if (!Array.isArray(v)) {
    c.add('outletOverrides', 'invalid_value', 'outletOverrides 必须是列表');
    return;
  }
  const seen = new Set<string>();
  v.forEach((item, i) => {
    const p = join('outletOverrides', i);
    if (!isObject(item)) {
      c.add(p, 'not_an_object', `${p} 必须是 { outlet, points } 对象`);
      return;
    }
    c.keys(item, p, ['outlet', 'points']);
    const outlet = item.outlet;
    if (typeof outlet !== 'string' || outlet === '') {
      c.add(join(p, 'outlet'), outlet === undefined ? 'required' : 'invalid_value', `${p}.outlet 必须是媒体代码`);
    } else if (seen.has(outlet)) {
      c.add(join(p, 'outlet'), 'duplicate', `媒体“${outlet}”重复设置了特定分值`);
    } else {
      seen.add(outlet);
      if (ctx.outletCodes && !ctx.outletCodes.includes(outlet)) {
        c.add(join(p, 'outlet'), 'unknown_outlet', `未知媒体代码“${outlet}”`);
      }
    }
    c.number(item, 'points', p, { min: 0 });
  });
}

function validateMultipliers(c: Collector, doc: Obj): void {
  const mult = c.object(doc, 'multipliers', '', true);
  if (!mult) return;
  c.keys(mult, 'multipliers', ['prominence', 'lengthBands', 'medium', 'genre']);

  const prom = c.object(mult, 'prominence', 'multipliers', true);
  if (prom) {
    c.keys(prom, 'multipliers.prominence', PROMINENCES, 'unknown_key', '版面位置');
    for (const k of PROMINENCES) c.number(prom, k, 'multipliers.prominence', { min: 0 });
  }

  const medium = c.object(mult, 'medium', 'multipliers', false);
  if (medium) {
    c.keys(medium, 'multipliers.medium', MEDIA, 'unknown_medium', '媒介类型');
    for (const k of Object.keys(medium)) {
      if ((MEDIA as readonly string[]).includes(k)) c.number(medium, k, 'multipliers.medium', { min: 0 });
    }
  }

  const genre = c.object(mult, 'genre', 'multipliers', false);
  if (genre) for (const k of Object.keys(genre)) c.number(genre, k, 'multipliers.genre', { min: 0 });

  validateBands(c, mult.lengthBands);
}

function validateBands(c: Collector, v: unknown): void {
  if (v === undefined || v === null) return;
  const path = 'multipliers.lengthBands';
  if (!Array.isArray(v)) {
    c.add(path, 'invalid_value', `${path} 必须是列表`);
    return;
  }
  const ranges: { i: number; min: number; max: number }[] = [];
  v.forEach((band, i) => {
    const p = join(path, i);
    if (!isObject(band)) {
      c.add(p, 'not_an_object', `${p} 必须是 { minWords, maxWords, factor } 对象`);
      return;
    }
    const before = c.errors.length;
    c.keys(band, p, ['minWords', 'maxWords', 'factor']);
    c.number(band, 'minWords', p, { min: 0, integer: true });
    c.number(band, 'maxWords', p, { min: 0, integer: true, nullable: true, required: false });
    c.number(band, 'factor', p, { min: 0 });
    if (c.errors.length > before) return;
    const min = band.minWords as number;
    const max = band.maxWords == null ? Infinity : (band.maxWords as number);
    if (max < min) {
      c.add(join(p, 'maxWords'), 'invalid_value', `${p} 的 maxWords 不能小于 minWords`);
      return;
    }
    for (const r of ranges) {
      if (min <= r.max && r.min <= max) {
        c.add(p, 'overlap', `字数区间 ${p} 与第 ${r.i + 1} 个区间重叠`);
        break;
      }
    }
    ranges.push({ i, min, max });
  });
}
