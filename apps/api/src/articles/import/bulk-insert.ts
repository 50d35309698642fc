import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * One multi-row INSERT with positional parameters. TypeORM's insert builder names every
 * parameter and substitutes them one by one, which costs seconds for a few thousand rows of
 * twenty columns; this keeps its per-column value conversion (dates, enums, booleans) and the
 * database defaults for the columns left out (created/updated timestamps). Version columns
 * start at 1, as TypeORM would set them.
 */
export async function bulkInsert<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: Partial<T>[]): Promise<void> {
  if (rows.length === 0) return;
  const meta = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const names = Object.keys(rows[0]);
  const columns = names.map((name) => {
    const column = meta.findColumnWithPropertyName(name);
    if (!column) throw new Error(`${meta.name} has no column ${name}`);
    return column;
  });
  const version = meta.versionColumn && !names.includes(meta.versionColumn.propertyName) ? meta.versionColumn : undefined;
  const head = [...columns, ...(version ? [version] : [])].map((c) => driver.escape(c.databaseName)).join(', ');
  const tuple = `(${[...columns.map(() => '?'), ...(version ? ['1'] : [])].join(', ')})`;
  const params: unknown[] = [];
  for (const row of rows) {
    columns.forEach((column, i) => params.push(driver.preparePersistentValue((row as Record<string, unknown>)[names[i]] ?? null, column) ?? null));
  }
  await manager.query(`INSERT INTO ${driver.escape(meta.tableName)} (${head}) VALUES ${rows.map(() => tuple).join(', ')}`, params);
}
