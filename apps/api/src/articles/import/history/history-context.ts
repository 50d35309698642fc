import type { Level } from '@app/contracts';
import { LEVEL_LABELS, LEVELS, type ItemKind } from '@app/contracts';
import type { ImportProblem } from '../article-sheet-layout';
import { NameMatcher, type NamedRef } from '../name-matcher';
import { parseUnitList } from '../unit-list';
import { sheetProblem } from './history-sheet';

/** What the history sheets are checked against; read before any row is. */
export interface HistoryContext {
  units: NamedRef[];
  timeZone: string;
  /** Nothing may happen after this instant (filing and answer times). */
  now: Date;
  /** Today's business date: no date after it. */
  today: string;
  date1904: boolean;
  /** The 事项 kinds of the scheme in force in a quarter (YYYY-Qn). */
  itemKinds: (quarter: string) => ItemKind[];
}

/** Collects one sheet's problems and the rows that have an error. */
export class SheetReport {
  readonly problems: ImportProblem[] = [];
  readonly invalidRows = new Set<number>();
  private matcher: NameMatcher<NamedRef> | null = null;

  constructor(readonly sheet: string, private readonly units: NamedRef[]) {}

  error(row: number, column: string, message: string) {
    this.problems.push(sheetProblem(this.sheet, row, column, message));
    this.invalidRows.add(row);
  }

  warn(row: number, column: string, message: string) {
    this.problems.push(sheetProblem(this.sheet, row, column, message, 'warning'));
  }

  /** One unit by code or name; an error (and null) when there is none. */
  unit(row: number, column: string, text: string): NamedRef | null {
    if (text === '') {
      this.error(row, column, `${column}必填（单位代码或名称）`);
      return null;
    }
    this.matcher ??= new NameMatcher(this.units, column, true);
    const found = this.matcher.match(text);
    if (!found.ok) {
      this.error(row, column, found.message);
      return null;
    }
    return found.ref;
  }

  /** Several units written 临江街道、青石镇 (shares are not allowed here). */
  unitList(row: number, column: string, text: string): number[] {
    if (text === '') {
      this.error(row, column, `${column}必填（单位代码或名称，多个用「、」分隔）`);
      return [];
    }
    this.matcher ??= new NameMatcher(this.units, column, true);
    const parsed = parseUnitList(text, this.matcher);
    for (const message of parsed.errors) this.error(row, column, message);
    if (parsed.units.some((u) => u.shareBp !== null)) this.error(row, column, `${column}不填写份额`);
    return parsed.units.map((u) => u.unitId);
  }

  /** A required text of at most `max` characters ('' when it is missing or too long: the row has an error). */
  text(row: number, column: string, value: string, max: number, required = true): string {
    if (value === '' && required) this.error(row, column, `${column}必填`);
    else if (value.length > max) this.error(row, column, `${column}最长 ${max} 个字符，当前 ${value.length} 个`);
    else return value;
    return '';
  }
}

/** 中央级 / 省级 / 市级 / 区县级, or the code; undefined for anything else. */
export function levelOf(text: string): Level | undefined {
  const t = text.normalize('NFKC').trim();
  return LEVELS.find((l) => l === t.toLowerCase() || LEVEL_LABELS[l] === t || LEVEL_LABELS[l].replace(/级$/, '') === t);
}

export const LEVEL_CHOICES = LEVELS.map((l) => LEVEL_LABELS[l]).join('/');
