/** Unique violations look different on each driver (shared/STACK-NOTES.md #7). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** A row that other rows still point at (a referenced unit, group or outlet). */
export function isForeignKeyViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return code === 'ER_ROW_IS_REFERENCED_2' || code === 'ER_ROW_IS_REFERENCED' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/** COUNT/SUM come back as strings from mysql2 and numbers from better-sqlite3: normalise here only. */
export function toNumber(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : Number(value);
}

/**
 * The id of a row inserted with `.updateEntity(false)` (which skips TypeORM's re-select of the
 * defaulted columns): better-sqlite3 answers the rowid, mysql2 a result header.
 */
export function insertedId(raw: unknown): number {
  if (typeof raw === 'number' || typeof raw === 'bigint') return Number(raw);
  const id = (raw as { insertId?: unknown } | null)?.insertId;
  if (id === undefined || id === null) throw new Error('insert did not report the new row id');
  return Number(id);
}
