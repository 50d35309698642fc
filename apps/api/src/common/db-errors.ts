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

/**
 * The database cannot be reached or is busy: refused or dropped connections (a restart, a
 * network break), a server shutting down, too many connections, a SQLite file locked by another
 * process past busy_timeout, TypeORM with no connection. The request can be retried later.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND',
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'ER_SERVER_SHUTDOWN', 'ER_CON_COUNT_ERROR', 'ER_LOCK_WAIT_TIMEOUT',
  'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_RECOVERY', 'SQLITE_LOCKED',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; fatal?: boolean; name?: string; message?: string; driverError?: { code?: string; fatal?: boolean } };
  if (!e) return false;
  const code = e.driverError?.code ?? e.code;
  if (code && UNAVAILABLE_CODES.has(code)) return true;
  // mysql2 marks errors that broke the connection as fatal, and a closed pool or connection
  // answers every later query with a plain Error.
  if (e.driverError?.fatal === true || (e.fatal === true && typeof code === 'string' && !code.startsWith('ER_'))) return true;
  return e.name === 'CannotExecuteNotConnectedError' || e.message === 'Pool is closed.' || /connection is in closed state/.test(e.message ?? '');
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
