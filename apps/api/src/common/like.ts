import { Raw, type FindOperator } from 'typeorm';

/**
 * Substring search that treats what the user typed literally. In a LIKE pattern `%` and `_`
 * are wildcards, so a search for "100%" or "A_B" matched far more than it said. '!' is the
 * escape character because a backslash literal is read differently by SQLite and MariaDB.
 */
export const LIKE_ESCAPE = "ESCAPE '!'";

/** The pattern for `column LIKE :p ESCAPE '!'` that matches `text` anywhere. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, '!$&')}%`;
}

let parameterSeq = 0;

/** Find-options operator: the column contains `text` (literally). */
export function Containing(text: string): FindOperator<string> {
  // Each operator gets its own parameter name: several in one query may carry different values.
  const name = `contains${(parameterSeq = (parameterSeq + 1) % 1_000_000)}`;
  return Raw((column) => `${column} LIKE :${name} ${LIKE_ESCAPE}`, { [name]: containsPattern(text) });
}
