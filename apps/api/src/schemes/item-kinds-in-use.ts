import type { DataSource, EntityManager } from 'typeorm';
import { quarterRange, type CompiledScheme2 } from '@app/scoring';
import { toNumber } from '../common/db-errors';

/**
 * Field errors for a version that could not score the 事项 already recorded in the quarters it
 * would govern (from `from` up to, not including, `until`; open-ended when null): a kind the
 * catalogue no longer has, or a kind now valued per level recorded without one. The engine
 * refuses such records, so saving the version would break every recompute of those quarters
 * for the whole office — it is refused instead, naming the kinds and how many records use them.
 */
export async function itemKindsInUseErrors(
  db: DataSource | EntityManager,
  officeId: number,
  scheme: CompiledScheme2,
  from: string,
  until: string | null,
): Promise<Record<string, string>> {
  const params: unknown[] = [officeId, quarterRange(from).start];
  let range = 'itemDate >= ?';
  if (until) {
    range += ' AND itemDate < ?';
    params.push(quarterRange(until).start);
  }
  const rows: { kind: unknown; noLevel: unknown; n: unknown }[] = await db.query(
    `SELECT kind, CASE WHEN level IS NULL THEN 1 ELSE 0 END AS noLevel, COUNT(*) AS n FROM item_records
     WHERE officeId = ? AND ${range} GROUP BY kind, CASE WHEN level IS NULL THEN 1 ELSE 0 END ORDER BY kind`,
    params,
  );
  const problems: string[] = [];
  for (const r of rows) {
    const kind = String(r.kind);
    const n = toNumber(r.n);
    const compiled = scheme.items.get(kind);
    if (!compiled) problems.push(`事项“${kind}”已有 ${n} 条记录，新版本的事项目录中没有它`);
    else if (!compiled.flat && toNumber(r.noLevel) === 1) problems.push(`事项“${kind}”改为按级别计分，但已有 ${n} 条记录没有级别`);
  }
  return problems.length ? { document: `${problems.join('；')}；请保留该事项（可设为 0 分），或先修改这些记录` } : {};
}
