import type { FindOptionsOrder, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badRequest } from './app-error';

export type SortDirection = 'ASC' | 'DESC';

/** One ORDER BY term: a column (a query-builder path such as `a.title`, or an entity property) and its direction. */
export interface SortTerm {
  column: string;
  direction: SortDirection;
}

/**
 * The columns a list may be sorted by: the name the client sends (`?sort=title`,
 * `?sort=-submittedAt` for descending) → the column it orders. Anything else is refused, so a
 * query string can never name a column or an expression of its own.
 */
export type SortColumns = Readonly<Record<string, string>>;

/**
 * The ORDER BY of a list: the requested column first, then the list's own order (which ends
 * with a unique column, so that pages do not overlap); the list's own order alone without
 * `sort`. An unknown column answers 400 `invalid_sort` with a field error naming the choices.
 */
export function sortTerms(sort: string | undefined, columns: SortColumns, fallback: SortTerm[]): SortTerm[] {
  if (!sort) return fallback;
  const descending = sort.startsWith('-');
  const name = descending ? sort.slice(1) : sort;
  const column = Object.prototype.hasOwnProperty.call(columns, name) ? columns[name] : undefined;
  if (!column) {
    throw badRequest('invalid_sort', '不能按该列排序', { sort: `不能按「${name}」排序，可选：${Object.keys(columns).join('、')}` });
  }
  const first: SortTerm = { column, direction: descending ? 'DESC' : 'ASC' };
  return [first, ...fallback.filter((t) => t.column !== column)];
}

/** Applies sortTerms to a query builder (replacing any order it had). */
export function orderBy<Q extends SelectQueryBuilder<ObjectLiteral>>(qb: Q, sort: string | undefined, columns: SortColumns, fallback: SortTerm[]): Q {
  sortTerms(sort, columns, fallback).forEach((t, i) => (i === 0 ? qb.orderBy(t.column, t.direction) : qb.addOrderBy(t.column, t.direction)));
  return qb;
}

/** sortTerms as the `order` of a repository `find` (columns are entity properties). */
export function findOrder<T>(sort: string | undefined, columns: SortColumns, fallback: SortTerm[]): FindOptionsOrder<T> {
  return Object.fromEntries(sortTerms(sort, columns, fallback).map((t) => [t.column, t.direction])) as FindOptionsOrder<T>;
}

/** Shorthands for the fallback order. */
export const asc = (column: string): SortTerm => ({ column, direction: 'ASC' });
export const desc = (column: string): SortTerm => ({ column, direction: 'DESC' });

/** sortTerms applied to rows already in memory (columns are their property names). */
export function sortRows<T extends object>(rows: T[], sort: string | undefined, columns: SortColumns, fallback: SortTerm[]): T[] {
  const terms = sortTerms(sort, columns, fallback);
  const value = (row: T, column: string) => (row as Record<string, unknown>)[column];
  return [...rows].sort((a, b) => {
    for (const t of terms) {
      const x = value(a, t.column);
      const y = value(b, t.column);
      const order = x === y ? 0 : x === null || x === undefined ? -1 : y === null || y === undefined ? 1 : x < y ? -1 : 1;
      if (order !== 0) return t.direction === 'ASC' ? order : -order;
    }
    return 0;
  });
}
